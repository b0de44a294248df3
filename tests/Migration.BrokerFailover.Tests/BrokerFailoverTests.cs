using System.Diagnostics;
using System.Text.Json;
using Migration.FaultRun.Tests;
using Migration.ProgramRun.Driver;
using Migration.ProgramRun.Report;
using Migration.ProgramRun.Scenario;
using Migration.Testing.Hosting;
using Xunit.Abstractions;
using DriverEventually = Migration.ProgramRun.Driver.Eventually;
using Eventually = Migration.Testing.Eventually;

namespace Migration.BrokerFailover.Tests;

/// <summary>
/// The broker failover run: a small stage 1 played through the gateway in front of two instances of every service,
/// connected to a three-node RabbitMQ cluster (quorum queues replicated on all three). While cases run, the node that
/// leads the busiest quorum queue is killed with SIGKILL and stays down; while families move, the case-service instance
/// whose async daemon runs the event forwarder is killed. Afterwards: the run completed, nothing was lost (every queue
/// drained, no error queue, the program's invariants hold), both instances of every service consumed messages, and the
/// queue's leadership and the daemon's moved to the survivors.
/// </summary>
public sealed class BrokerFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const decimal Factor = 0.01m;
    private const string DaemonVictim = "relocation-case";
    private BrokerCluster cluster = null!;
    private ProgramSystem system = null!;

    public async Task InitializeAsync()
    {
        cluster = await BrokerCluster.Start("broker-failover");
        try
        {
            system = await ProgramSystem.StartReplicated("failover", cluster.Endpoints, replicas: 2, new Dictionary<string, string>
            {
                // Find a killed instance within seconds.
                ["ReverseProxy:Clusters:registry:HealthCheck:Active:Interval"] = "00:00:02",
                ["ReverseProxy:Clusters:relocation-case:HealthCheck:Active:Interval"] = "00:00:02",
                ["ReverseProxy:Clusters:housing-allocation:HealthCheck:Active:Interval"] = "00:00:02",
                ["ReverseProxy:Clusters:subsidy-payment:HealthCheck:Active:Interval"] = "00:00:02",
            }, new Dictionary<string, string>
            {
                ["Messaging:BrokerNodes"] = string.Join(',', cluster.Nodes),
                // The gateway's checks every 2 s would fill the kept log with "degraded" warnings: keep the errors.
                ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Error",
            });
        }
        catch
        {
            await cluster.DisposeAsync(); // xunit calls no DisposeAsync when InitializeAsync fails
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null) await cluster.Revive(); // the virtual host's deletion needs every node
        if (system is not null) await system.DisposeAsync();
        if (cluster is not null) await cluster.DisposeAsync();
    }

    [Fact]
    public async Task Killing_a_quorum_queue_leader_node_and_a_daemon_leader_mid_run_loses_nothing()
    {
        try
        {
            await PlayWithFailoverAndCheck();
        }
        catch
        {
            foreach (var instance in system.Instances.Values.SelectMany(i => i).Append(system.Gateway))
                output.WriteLine($"--- {instance.Name} :{instance.Port} ---\n{string.Join('\n', instance.RecentLog.Split('\n').TakeLast(60))}");
            try
            {
                var queues = await new ClusterManagement(cluster.Management, system.Isolation.VirtualHost).Queues();
                output.WriteLine($"Queues:\n  {string.Join("\n  ", queues)}");
            }
            catch (HttpRequestException e)
            {
                output.WriteLine($"Queues unknown: {e.Message}");
            }

            throw;
        }
    }

    private async Task PlayWithFailoverAndCheck()
    {
        var scenario = ScenarioGenerator.Generate(seed: 2010, factor: Factor);
        DriverEventually.DefaultTimeout = TimeSpan.FromMinutes(2);
        using var api = new Gateway(system.Gateway.Address);
        using var stages = new StageWatch();
        // A bound against a hung run only: the run itself takes one to three minutes on shared cores.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        var management = new ClusterManagement(cluster.Management, system.Isolation.VirtualHost);
        var consumption = new ConsumptionWatch(management, system);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token);
        var watching = consumption.Run(stopWatching.Token);
        var clock = Stopwatch.StartNew();
        var driver = ProgramDriver.Run(api, scenario, stages, cancel.Token);

        // While cases run: the node leading the busiest quorum queue dies and stays dead.
        await StageStarted("cases", driver, stages);
        var before = await management.Queues(cancel.Token);
        output.WriteLine($"Queues before the kill:\n  {string.Join("\n  ", before)}");
        var busiest = before
            .Where(q => q is { Type: "quorum", Leader: not null } && !q.Name.EndsWith("_error", StringComparison.Ordinal) && !q.Name.EndsWith("_skipped", StringComparison.Ordinal))
            .OrderByDescending(q => q.Delivered).First();
        var victimNode = BrokerCluster.NodeNumber(busiest.Leader!);
        var ledThere = before.Count(q => q.Leader == busiest.Leader);
        Assert.Equal(BrokerCluster.NodeCount, busiest.Members.Count);
        await cluster.Kill(victimNode);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed node {busiest.Leader}, leader of {ledThere} quorum queues, among them {busiest.Name} ({busiest.Delivered} delivered)");
        var newLeader = (await Eventually.Get(async () => await Read(() => management.Queue(busiest.Name, cancel.Token)) is { Leader: { } l } q && l != busiest.Leader ? q : null,
            $"a new leader of {busiest.Name}", TimeSpan.FromMinutes(1))).Leader;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {busiest.Name} led by {newLeader}");

        // While families move: the case-service instance whose daemon runs the forwarder dies (and stays dead).
        await StageStarted("moves", driver, stages);
        var leaders = await Eventually.Get(async () => await Read(() => DaemonLeaders.RunningForwarder(system, DaemonVictim, cancel.Token)) is { Count: 1 } one ? one : null,
            $"one daemon leader among the {DaemonVictim} instances", TimeSpan.FromMinutes(1));
        await system.Instances[DaemonVictim][leaders[0]].Kill();
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: killed {DaemonVictim}#{leaders[0]}, the daemon's leader");
        await Eventually.True(async () => (await Read(() => DaemonLeaders.RunningForwarder(system, DaemonVictim, cancel.Token)))?.SequenceEqual([1 - leaders[0]]) == true,
            $"the daemon's leadership taken by {DaemonVictim}#{1 - leaders[0]}", TimeSpan.FromMinutes(2));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {DaemonVictim}#{1 - leaders[0]} runs the forwarder");

        var report = await driver;
        output.WriteLine(stages.ToString());
        output.WriteLine($"Driver done after {clock.Elapsed.TotalSeconds:0.0} s; retries: {string.Join(", ", api.Retries.GroupBy(r => r.Reason).Select(g => $"{g.Key} × {g.Count()}"))}");
        output.WriteLine(report.Render());
        Assert.Contains(" 0 households failed.", stages.ToString(), StringComparison.Ordinal);

        // Nothing lost: every consumer caught up on the surviving nodes, no message in an error queue, the invariants hold.
        // (A classic queue on the dead node reports no messages at all: it counts as not drained.)
        await Eventually.True(async () => (await Read(() => management.Queues(cancel.Token)))?.All(q => q.Drained) == true, "every queue reachable and drained", TimeSpan.FromMinutes(2));
        var errors = (await management.Queues(cancel.Token)).Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal) && q.Messages != 0).ToList();
        Assert.True(errors.Count == 0, $"error queues: {string.Join(", ", errors)}");
        await stopWatching.CancelAsync();
        await watching;
        await consumption.Sample(cancel.Token);
        var state = await ProgramState.Read(api, scenario.Households.Select(h => h.Members[0].Iin), cancel.Token);
        var invariants = new Invariants(scenario, state, new EventCounts(system.Isolation));
        var violations = await invariants.All(async household =>
        {
            var ledger = await api.Get(Cast.Auditor, $"/api/payments/households/{household}/ledger", cancel.Token);
            return ledger.IsSuccess ? ledger.Body : (JsonElement?)null;
        });
        foreach (var (invariant, found) in violations)
            output.WriteLine($"{invariant}: {(found.Count == 0 ? "holds" : $"{found.Count} violations")}");
        foreach (var named in state.Cases.Where(c => violations.Values.SelectMany(v => v).Any(v => v.Contains(c.GetProperty("id").GetString()!, StringComparison.Ordinal))))
            output.WriteLine($"case named in a violation: {named}");
        Assert.True(violations.Values.All(v => v.Count == 0),
            string.Join("\n", violations.Where(v => v.Value.Count > 0).Select(v => $"{v.Key}:\n  {string.Join("\n  ", v.Value)}")));
        Assert.Equal(scenario.Households.Count, state.Cases.Count);
        Assert.True(report.CasesByOutcome.GetValueOrDefault(Outcomes.Relocated) >= scenario.Households.Count / 2, "most families relocated");

        // Competing consumers: both instances of every service took messages from the shared queues.
        var shares = consumption.ByInstance();
        output.WriteLine($"Messages acknowledged per instance: {string.Join("; ", shares.Select(s => $"{s.Key} {string.Join(" + ", s.Value)}"))}");
        Assert.All(shares, s => Assert.True(s.Value.All(n => n > 0), $"{s.Key}: every instance consumed (acknowledged {string.Join(", ", s.Value)})"));
        output.WriteLine($"Checked after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>
    /// A read over HTTP (the broker's management API, an instance's operations API), or null while it does not answer:
    /// a node being killed or electing leaders, an instance busy on loaded cores.
    /// </summary>
    private static async Task<T?> Read<T>(Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits until the driver is in <paramref name="stage"/>; fails when the run ended first.</summary>
    private static async Task StageStarted(string stage, Task driver, StageWatch stages)
    {
        await Eventually.True(() => stages.HasStarted(stage) || driver.IsCompleted, $"stage {stage}", TimeSpan.FromMinutes(5));
        if (driver.IsCompleted) await driver; // its exception, if it failed
        Assert.False(driver.IsCompleted, $"the run ended before stage {stage}");
    }
}
