using System.Diagnostics;
using Migration.Testing.Hosting;
using Gateway = Migration.ProgramRun.Driver.Gateway;

namespace Migration.FaultRun.Tests;

/// <summary>
/// Runs the faults one after the other beside the driver: each waits for its moment (a stage started and enough of its
/// requests sent), strikes, and waits until the system has it back (the killed instance ready again on its port, the
/// server answering again) before the next one, so that two instances of every service remain between faults.
/// </summary>
public sealed class FaultScript(ProgramSystem system, PrivateServers servers, Gateway api, StageWatch stages)
{
    /// <summary>How long a restarted server stays down: long enough for requests and consumers to meet it down.</summary>
    public static readonly TimeSpan Downtime = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Every instance of the four services killed once, the broker and the database restarted once, spread over the
    /// stages whose traffic they hit: the registry while settlements and households are registered, the payment service
    /// while budget lines open and payments are approved and batched, housing while units are registered and given out,
    /// the case service while cases run; the broker while approvals travel to housing and payments, the database while
    /// payments are verified and approved.
    /// </summary>
    public static IReadOnlyList<Fault> Standard { get; } =
    [
        new(FaultKind.KillInstance, "settlements", 20, "registry", 0),
        new(FaultKind.KillInstance, "budgets+quotas", 3, "subsidy-payment", 0),
        new(FaultKind.KillInstance, "housing stock", 3, "housing-allocation", 0),
        new(FaultKind.KillInstance, "households", 3, "registry", 1),
        new(FaultKind.KillInstance, "cases", 10, "relocation-case", 0),
        new(FaultKind.RestartRabbitMq, "cases", 40),
        new(FaultKind.KillInstance, "late housing", 0, "housing-allocation", 1),
        new(FaultKind.KillInstance, "moves", 0, "relocation-case", 1),
        new(FaultKind.RestartPostgres, "payments", 20),
        new(FaultKind.KillInstance, "payments", 60, "subsidy-payment", 1),
    ];

    public List<FaultOutcome> Outcomes { get; } = [];

    public async Task Run(IReadOnlyList<Fault> faults, Task driver, CancellationToken cancellationToken)
    {
        foreach (var fault in faults)
        {
            if (!await Moment(fault, driver, cancellationToken)) return; // the run ended first: the test says which faults never struck
            var stage = StageWatch.Stages[Math.Min(stages.Finished, StageWatch.Stages.Count - 1)];
            var struck = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            switch (fault.Kind)
            {
                case FaultKind.KillInstance:
                    var instance = system.Instances[fault.Service!][fault.Instance];
                    await instance.Kill();
                    await instance.Start(TimeSpan.FromMinutes(2));
                    break;
                case FaultKind.RestartRabbitMq:
                    await servers.RestartRabbitMq(Downtime);
                    break;
                case FaultKind.RestartPostgres:
                    await servers.RestartPostgres(Downtime);
                    break;
            }

            lock (Outcomes) Outcomes.Add(new FaultOutcome(fault, stage, struck, clock.Elapsed));
        }
    }

    /// <summary>Waits until the fault's stage has started and the driver has sent its requests in it; false when the run ended first.</summary>
    private async Task<bool> Moment(Fault fault, Task driver, CancellationToken cancellationToken)
    {
        await Eventually.True(() => stages.HasStarted(fault.Stage) || driver.IsCompleted, $"stage {fault.Stage}", TimeSpan.FromMinutes(4));
        var mark = api.Requests;
        await Eventually.True(() => api.Requests >= mark + fault.AfterRequests || stages.Finished > StageWatch.Index(fault.Stage) || driver.IsCompleted,
            $"{fault.AfterRequests} requests into stage {fault.Stage}", TimeSpan.FromMinutes(4));
        cancellationToken.ThrowIfCancellationRequested();
        return !driver.IsCompleted;
    }
}
