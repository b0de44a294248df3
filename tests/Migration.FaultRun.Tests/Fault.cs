namespace Migration.FaultRun.Tests;

/// <summary>What a fault does to the system.</summary>
public enum FaultKind
{
    /// <summary>SIGKILL one instance of a service, then start it again on the same port.</summary>
    KillInstance,

    RestartRabbitMq,

    RestartPostgres,
}

/// <summary>
/// One fault of the script: what, to which instance, and when: once <see cref="Stage"/> has started and the driver has
/// sent <see cref="AfterRequests"/> more requests in it (so the fault lands inside the stage's traffic, not between stages).
/// </summary>
public sealed record Fault(FaultKind Kind, string Stage, int AfterRequests, string? Service = null, int Instance = 0)
{
    public string Name => Kind switch
    {
        FaultKind.KillInstance => $"SIGKILL {Service}#{Instance}",
        FaultKind.RestartRabbitMq => "restart RabbitMQ",
        _ => "restart PostgreSQL",
    };
}

/// <summary>What a fault did: when it struck, in which stage, and how long until the system had it back.</summary>
public sealed record FaultOutcome(Fault Fault, string StruckInStage, DateTimeOffset StruckAt, TimeSpan Recovery)
{
    public override string ToString() =>
        $"{Fault.Name,-30} in stage {StruckInStage,-14} at {StruckAt:HH:mm:ss.f}; back after {Recovery.TotalSeconds:0.0} s";
}

