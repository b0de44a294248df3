using System.Diagnostics;
using Migration.Testing.Hosting;
using Gateway = Migration.ProgramRun.Driver.Gateway;

namespace Migration.FaultRun.Tests;

/// <summary>
/// Runs the faults beside the driver: each waits for its moment (a stage started and enough of its requests sent) and
/// strikes; the killed instance is started again on its port (or the server brought back) while the script goes on to
/// the next fault. A fault waits for its target's previous fault to be over: the second instance of a service is
/// killed only once the first is ready again, so that one instance always serves.
/// </summary>
public sealed class FaultScript(ProgramSystem system, PrivateServers servers, Gateway api, StageWatch stages)
{
    /// <summary>How long a restarted server stays down: long enough for requests and consumers to meet it down.</summary>
    public static readonly TimeSpan Downtime = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Every instance of the four services killed once, the broker and the database restarted once, spread over the
    /// stages whose traffic they hit: the registry while settlements and households are registered, the payment service
    /// while budget lines open and payments are approved, housing while units are registered and given out, the case
    /// service while cases run and families move; the broker while approvals travel to housing and payments, the
    /// database while payments are verified and approved.
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

    private readonly Dictionary<string, Task> recovering = new(StringComparer.Ordinal);

    public List<FaultOutcome> Outcomes { get; } = [];

    /// <summary>Strikes every fault at its moment, then waits until the system has recovered from all of them.</summary>
    public async Task Run(IReadOnlyList<Fault> faults, Task driver, CancellationToken cancellationToken)
    {
        foreach (var fault in faults)
        {
            var target = fault.Kind == FaultKind.KillInstance ? fault.Service! : fault.Kind.ToString();
            if (recovering.TryGetValue(target, out var previous)) await previous;
            if (!await Moment(fault, driver, cancellationToken)) break; // the run ended first: the test names the faults that never struck
            recovering[target] = Strike(fault);
        }

        await Task.WhenAll(recovering.Values);
    }

    private async Task Strike(Fault fault)
    {
        var stage = StageWatch.Stages[Math.Min(stages.Finished, StageWatch.Stages.Count - 1)];
        var struck = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        switch (fault.Kind)
        {
            case FaultKind.KillInstance:
                var instance = system.Instances[fault.Service!][fault.Instance];
                await instance.Kill();
                await StartAgain(instance);
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

    /// <summary>
    /// Starts a killed instance again as a supervisor would: a process that exits before it is ready (it met its
    /// database restarting while it applied its schema) is started once more.
    /// </summary>
    private static async Task StartAgain(ServiceProcess instance)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await instance.Start(TimeSpan.FromMinutes(3));
                return;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                // It exited before it was ready; its log says why, the next start tries again.
            }
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
