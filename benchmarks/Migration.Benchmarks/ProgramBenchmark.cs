using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Migration.ProgramRun.Driver;
using Migration.ProgramRun.Report;
using Migration.ProgramRun.Scenario;
using Migration.Testing;
using Migration.Testing.Hosting;

namespace Migration.Benchmarks;

/// <summary>
/// Benchmark 1: the stage-1 program end to end through the gateway (the driver of <c>deploy/Migration.Program</c>, every
/// stage from the staff to the closure of the cases) on the whole system started as the end-to-end tests start it. It
/// reports wall time, cases, households and people per second, per-stage times and requests; the events the run
/// appended in the four services' stores against the baseline measured in the same run on the same PostgreSQL (raw
/// Marten appends, one event per transaction); and the latency of a case read through the gateway at a fixed pace,
/// idle before the run against during it.
/// </summary>
public static class ProgramBenchmark
{
    public static async Task<ProgramResult> Run(BenchmarkArguments options, CancellationToken cancellationToken)
    {
        var scenario = ScenarioGenerator.Generate(options.Seed, options.Factor);
        var parallelism = options.Parallelism > 0 ? options.Parallelism : ProgramDriver.DefaultParallelism;
        var loadBefore = LoadAverage();
        Console.WriteLine($"Starting the system (identity, four services, gateway) for factor {options.Factor}: {scenario.Households.Count} households, {scenario.People} people …");
        await using var system = await ProgramSystem.Start("bench-program");

        using var reader = await system.Client();
        using var token = new RenewedToken(() => system.Tokens.Fresh("auditor"), TimeProvider.System);
        var caseId = await ArrangeOneCase(system, scenario, cancellationToken);
        var read = PacedReads.Get(reader, token.Current, $"/api/cases/{caseId}");
        await new PacedReads("warm-up").Run(read, options.ReadRate, Cancelled(TimeSpan.FromSeconds(3), cancellationToken));
        var idle = new PacedReads("idle");
        await idle.Run(read, options.ReadRate, Cancelled(TimeSpan.FromSeconds(options.IdleSeconds), cancellationToken));
        Console.WriteLine(idle);

        var processes = new[] { ("identity", system.Identity) }.Concat(system.Processes.Select(p => (p.Key, p.Value))).Append(("gateway", system.Gateway))
            .ToDictionary(p => p.Item1, p => p.Item2.ProcessId);
        var postmaster = ProcessCpu.LocalPostmaster();
        Dictionary<string, TimeSpan?> Cpu() => processes.ToDictionary(p => p.Key, p => ProcessCpu.Of(p.Value))
            .Append(new("postgresql", ProcessCpu.OfPostgres(postmaster))).ToDictionary(p => p.Key, p => p.Value);
        var cpuBefore = Cpu();
        var memory = new MemoryPeaks(processes.ToDictionary(p => p.Key, p => p.Value));
        var idleMemory = memory.Now();
        var before = await EventCounts.Read(system.Isolation, cancellationToken);
        var during = new PacedReads("during run");
        using var stopReads = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reads = during.Run(read, options.ReadRate, stopReads.Token);
        var sampling = memory.Sample(stopReads.Token);
        using var api = new Gateway(system.Gateway.Address);
        var clock = Stopwatch.StartNew();
        var report = await ProgramDriver.Run(api, scenario, Console.Out, cancellationToken, parallelism);
        var wall = report.Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Took);
        var withReport = clock.Elapsed;
        var cpuAfter = Cpu();
        await stopReads.CancelAsync();
        await reads;
        await sampling;
        var cpu = cpuAfter.ToDictionary(a => a.Key, a => a.Value - cpuBefore.GetValueOrDefault(a.Key));
        Console.WriteLine(during);
        var appended = EventCounts.Since(before, await EventCounts.Read(system.Isolation, cancellationToken));
        var events = appended.Values.Sum();

        var rawEvents = options.RawEvents > 0 ? options.RawEvents : events;
        Console.WriteLine($"Baseline: {rawEvents} raw Marten appends, one event per transaction, {options.Writers} writers …");
        var raw = await SingleEventAppends.Measure(system.Isolation, rawEvents, options.Writers, cancellationToken);

        var result = new ProgramResult(options.Factor, options.Seed, parallelism, scenario, report, wall, withReport, api.Requests, appended, raw,
            options.Writers, idle, during, options.ReadRate, loadBefore, LoadAverage()) { Cpu = cpu, IdleMemory = idleMemory, PeakMemory = memory.Peaks() };
        var text = result.Render();
        Directory.CreateDirectory(options.OutputDirectory);
        var file = Path.Combine(options.OutputDirectory, $"program-x{options.Factor.ToString(CultureInfo.InvariantCulture)}.md");
        await File.WriteAllTextAsync(file, text + Environment.NewLine + "```" + Environment.NewLine + report.Render() + "```" + Environment.NewLine, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine($"Written to {file}.");
        return result;
    }

    private static CancellationToken Cancelled(TimeSpan after, CancellationToken outer)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        source.CancelAfter(after);
        return source.Token;
    }

    /// <summary>
    /// The case the paced reads ask for: a one-person household in a settlement of Mangystau (an oblast the stage-1
    /// scenario does not touch), with an IIN no scenario member has, and its case opened once the case service knows it.
    /// </summary>
    private static async Task<Guid> ArrangeOneCase(ProgramSystem system, ProgramScenario scenario, CancellationToken cancellationToken)
    {
        using var clerk = await system.Client("registry-clerk");
        using var caseworker = await system.Client("caseworker");
        var origin = RealSettlements.NextCode("47");
        (await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = origin, potentialClass = "low" }, cancellationToken)).EnsureSuccessStatusCode();
        var taken = scenario.Households.SelectMany(h => h.Members).Select(m => m.Iin).ToHashSet(StringComparer.Ordinal);
        object head;
        do head = People.Member("head", new DateOnly(1961, 7, 14), Sex.Male);
        while (taken.Contains((string)head.GetType().GetProperty("iin")!.GetValue(head)!));
        using var registered = await clerk.PostAsJsonAsync("/api/registry/households", new { settlementKato = origin, members = new[] { head } }, cancellationToken);
        registered.EnsureSuccessStatusCode();
        var household = (await registered.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        using var opened = await Migration.Testing.Eventually.Get(async () =>
        {
            var response = await caseworker.PostAsJsonAsync("/api/cases", new { householdId = household }, cancellationToken);
            return response.StatusCode == HttpStatusCode.Created ? response : null;
        }, "the household known to the case service");
        return (await opened.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
