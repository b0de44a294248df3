using System.Diagnostics;
using Migration.ProgramRun.Driver.Stages;
using Migration.ProgramRun.Report;
using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver;

/// <summary>
/// Plays a scenario through the gateway, stage after stage (so that each case's steps keep their order), with a bounded
/// degree of parallelism inside each stage; prints one line per stage with its counts and time, then the program report.
/// </summary>
public static class ProgramDriver
{
    public const int DefaultParallelism = 24;

    public static async Task<ProgramReport> Run(Gateway api, ProgramScenario scenario, TextWriter log, CancellationToken ct, int parallelism = DefaultParallelism)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(log);
        var run = new RunContext(api, scenario, parallelism, log, ct);
        log.WriteLine($"Program run: seed {scenario.Seed}, factor {scenario.Factor}: {scenario.Households.Count} households, {scenario.People} people, " +
            $"{scenario.Origins.Count()} origins → {scenario.Destinations.Count()} destinations, through {api.Address}");
        var stages = new List<StageTiming>();
        async Task Stage(string name, Func<RunContext, Task<string>> stage)
        {
            var clock = Stopwatch.StartNew();
            var requests = api.Requests;
            var summary = await stage(run);
            var timing = new StageTiming(name, clock.Elapsed, summary, api.Requests - requests);
            stages.Add(timing);
            lock (log) log.WriteLine($"[{name,-14}] {clock.Elapsed.TotalSeconds,6:0.0} s {timing.Requests,7} requests  {summary}");
        }

        await Stage("staff", StaffStage.Run);
        await Stage("settlements", SettlementStage.Run);
        await Stage("budgets+quotas", PlanningStage.Run);
        await Stage("labour demand", LabourStage.Run);
        await Stage("housing stock", r => HousingStage.Run(r, late: false));
        await Stage("households", HouseholdStage.Run);
        await Stage("cases", CaseStage.Run);
        await Stage("late housing", r => HousingStage.Run(r, late: true));
        await Stage("moves", MoveStage.Run);
        await Stage("payments", r => PaymentStage.Run(r));
        await Stage("bank", BankStage.Run);
        await Stage("returns", ReturnStage.Run);
        await Stage("reissued", r => PaymentStage.Run(r, reissued: true));
        await Stage("bank again", BankStage.Run);
        await Stage("closure", ClosureStage.Run);
        var failed = run.Households.Count(h => h.Failure is not null);
        log.WriteLine($"Done in {stages.Sum(s => s.Took.TotalSeconds):0.0} s, {api.Requests} requests; {failed} households failed.");
        return await ProgramReport.Read(api, stages, ct);
    }
}
