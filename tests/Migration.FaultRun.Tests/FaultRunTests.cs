using System.Diagnostics;
using System.Text.Json;
using Migration.ProgramRun.Driver;
using Eventually = Migration.Testing.Eventually;
using Migration.ProgramRun.Report;
using Migration.ProgramRun.Scenario;
using Migration.Testing.Hosting;
using Xunit.Abstractions;
using DriverEventually = Migration.ProgramRun.Driver.Eventually;

namespace Migration.FaultRun.Tests;

/// <summary>
/// The fault run: a small stage 1 played through the gateway in front of two instances of every service, on a
/// PostgreSQL and RabbitMQ pair of its own, while a script kills each service instance once with SIGKILL (and starts
/// it again), restarts RabbitMQ once and PostgreSQL once. Afterwards the program's invariants are checked, not just that
/// the run finished.
/// </summary>
public sealed class FaultRunTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const decimal Factor = 0.01m;
    private PrivateServers servers = null!;
    private ProgramSystem system = null!;

    public async Task InitializeAsync()
    {
        servers = await PrivateServers.Start("fault-run");
        try
        {
            system = await StartSystem();
        }
        catch
        {
            await servers.DisposeAsync(); // xunit calls no DisposeAsync when InitializeAsync fails
            throw;
        }
    }

    private Task<ProgramSystem> StartSystem() =>
        ProgramSystem.StartReplicated("faults", servers.Endpoints, replicas: 2, new Dictionary<string, string>
        {
            // Find a killed instance within seconds, and take a restarted one back as soon.
            ["ReverseProxy:Clusters:registry:HealthCheck:Active:Interval"] = "00:00:02",
            ["ReverseProxy:Clusters:relocation-case:HealthCheck:Active:Interval"] = "00:00:02",
            ["ReverseProxy:Clusters:housing-allocation:HealthCheck:Active:Interval"] = "00:00:02",
            ["ReverseProxy:Clusters:subsidy-payment:HealthCheck:Active:Interval"] = "00:00:02",
        });

    public async Task DisposeAsync()
    {
        if (system is not null) await system.DisposeAsync();
        if (servers is not null) await servers.DisposeAsync();
    }

    /// <summary>Run by the test command after the other test projects, alone (deploy/test.sh): docs/program-run.md#faults.</summary>
    [Fact]
    public async Task Every_instance_killed_and_both_servers_restarted_the_program_still_ends_with_its_invariants_holding()
    {
        try
        {
            await PlayWithFaultsAndCheck();
        }
        catch
        {
            await WriteWhatTheSystemSaid();
            throw;
        }
    }

    /// <summary>On failure: each process's last warnings and errors, and the queues with messages left.</summary>
    private async Task WriteWhatTheSystemSaid()
    {
        foreach (var instance in system.Instances.Values.SelectMany(i => i).Append(system.Gateway).Append(system.Identity))
            output.WriteLine($"--- {instance.Name} :{instance.Port} ---\n{string.Join('\n', instance.RecentLog.Split('\n').TakeLast(60))}");
        try
        {
            output.WriteLine($"Queues with messages: {string.Join(", ", (await BrokerQueues.Depths(system.Isolation)).Where(q => q.Value > 0).Select(q => $"{q.Key} {q.Value}"))}");
        }
        catch (HttpRequestException e)
        {
            output.WriteLine($"Queues unknown: {e.Message}");
        }
    }

    private async Task PlayWithFaultsAndCheck()
    {
        var scenario = ScenarioGenerator.Generate(seed: 2006, factor: Factor);
        DriverEventually.DefaultTimeout = TimeSpan.FromMinutes(2);
        using var api = new Gateway(system.Gateway.Address);
        using var stages = new StageWatch();
        // A bound against a hung run only: on shared, busy cores the run with its faults has taken up to 7 minutes.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var clock = Stopwatch.StartNew();
        var faults = new FaultScript(system, servers, api, stages);
        var driver = ProgramDriver.Run(api, scenario, stages, cancel.Token);
        var script = faults.Run(FaultScript.Standard, driver, cancel.Token);
        ProgramReport report;
        try
        {
            report = await driver;
            await script;
        }
        finally
        {
            output.WriteLine(stages.ToString());
            output.WriteLine("Faults:");
            lock (faults.Outcomes) foreach (var outcome in faults.Outcomes) output.WriteLine($"  {outcome}");
            output.WriteLine($"Retries by reason: {string.Join(", ", api.Retries.GroupBy(r => r.Reason).Select(g => $"{g.Key} × {g.Count()}"))}");
            foreach (var outcome in faults.Outcomes)
            {
                var during = api.Retries.Where(r => r.At >= outcome.StruckAt && r.At <= outcome.StruckAt + outcome.Recovery + TimeSpan.FromSeconds(5)).ToList();
                output.WriteLine($"  {outcome.Fault.Name}: {during.Count} retries ({string.Join(", ", during.GroupBy(r => r.Reason).Select(g => $"{g.Key} × {g.Count()}"))})");
            }
        }

        output.WriteLine($"Driver and faults done after {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(report.Render());
        Assert.True(faults.Outcomes.Count == FaultScript.Standard.Count,
            $"faults that never struck before the run ended: {string.Join(", ", FaultScript.Standard.Except(faults.Outcomes.Select(o => o.Fault)).Select(f => f.Name))}");
        Assert.Contains(" 0 households failed.", stages.ToString(), StringComparison.Ordinal);

        // Every consumer has caught up and nothing went to an error queue.
        await Eventually.True(async () => (await BrokerQueues.Depths(system.Isolation)).Where(q => !q.Key.EndsWith("_error", StringComparison.Ordinal)).All(q => q.Value == 0),
            "every queue drained", TimeSpan.FromMinutes(1));
        var failed = (await BrokerQueues.Depths(system.Isolation)).Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal) && q.Value > 0).ToList();
        foreach (var (queue, _) in failed)
            foreach (var fault in await BrokerQueues.Faults(system.Isolation, queue, 3)) output.WriteLine($"{queue}: {fault}");
        Assert.True(failed.Count == 0, $"messages in error queues: {string.Join(", ", failed.Select(q => $"{q.Key} {q.Value}"))}");
        var state = await ProgramState.Read(api, scenario.Households.Select(h => h.Members[0].Iin), cancel.Token);
        var invariants = new Invariants(scenario, state, new EventCounts(system.Isolation));
        var violations = new Dictionary<string, IEnumerable<string>>
        {
            ["every case reaches its final state"] = invariants.CasesReachTheirFinalState(),
            ["no payment paid twice"] = await invariants.NoPaymentPaidTwice(),
            ["ledgers: paid = entitled"] = await invariants.LedgersPaidAsEntitled(async household =>
            {
                var ledger = await api.Get(Cast.Auditor, $"/api/payments/households/{household}/ledger", cancel.Token);
                return ledger.IsSuccess ? ledger.Body : (JsonElement?)null;
            }),
            ["every budget line balances"] = invariants.BudgetLinesBalance(),
            ["no housing unit held by two cases"] = await invariants.NoUnitHeldByTwoCases(),
            ["every event's effect applied once"] = await invariants.EveryEffectAppliedOnce(),
        }.ToDictionary(v => v.Key, v => v.Value.ToList());
        foreach (var (invariant, found) in violations)
            output.WriteLine($"{invariant}: {(found.Count == 0 ? "holds" : $"{found.Count} violations")}");
        Assert.True(violations.Values.All(v => v.Count == 0),
            string.Join("\n", violations.Where(v => v.Value.Count > 0).Select(v => $"{v.Key}:\n  {string.Join("\n  ", v.Value)}")));
        Assert.Equal(scenario.Households.Count, state.Cases.Count);
        Assert.True(report.CasesByOutcome.GetValueOrDefault(Outcomes.Relocated) >= scenario.Households.Count / 2, "most families relocated");
        output.WriteLine($"Invariants checked after {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
