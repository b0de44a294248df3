using System.Globalization;
using System.Text;
using Migration.ProgramRun.Report;
using Migration.ProgramRun.Scenario;

namespace Migration.Benchmarks;

/// <summary>What one program benchmark measured, and its report as markdown.</summary>
public sealed record ProgramResult(
    decimal Factor, int Seed, int Parallelism, ProgramScenario Scenario, ProgramReport Report, TimeSpan Wall, TimeSpan WithReport, long Requests,
    IReadOnlyDictionary<string, long> Appended, (long Events, TimeSpan Elapsed) Raw, int Writers, PacedReads Idle, PacedReads During, int ReadRate,
    string LoadBefore, string LoadAfter)
{
    /// <summary>CPU time each process used during the run (PostgreSQL: the whole cluster, when it is the private local server).</summary>
    public IReadOnlyDictionary<string, TimeSpan?> Cpu { get; init; } = new Dictionary<string, TimeSpan?>();

    /// <summary>Resident memory of each process before the run (the system idle) and its highest sample during the run.</summary>
    public IReadOnlyDictionary<string, long?> IdleMemory { get; init; } = new Dictionary<string, long?>();

    /// <inheritdoc cref="IdleMemory"/>
    public IReadOnlyDictionary<string, long?> PeakMemory { get; init; } = new Dictionary<string, long?>();

    /// <summary>The issue's target for stage 1 (factor 1) end to end.</summary>
    public static readonly TimeSpan Target = TimeSpan.FromSeconds(60);

    /// <summary>The issue's target for the p99 of reads during the run.</summary>
    public const double ReadTargetMs = 50;

    public double ProgramEventsPerSecond => Appended.Values.Sum() / Wall.TotalSeconds;

    public double RawEventsPerSecond => Raw.Events / Raw.Elapsed.TotalSeconds;

    public string Render()
    {
        var ci = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var households = Scenario.Households.Count;
        var cases = Report.Cases.Count - 1; // the benchmark's own case, read at a fixed pace, is not the program's
        text.AppendLine(ci, $"## Program run, factor {Factor} ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, seed {Seed}, parallelism {Parallelism})");
        text.AppendLine();
        text.AppendLine(ci, $"{households:N0} households, {Scenario.People:N0} people; load average {LoadBefore} before, {LoadAfter} after.");
        text.AppendLine();
        text.AppendLine("| figure | value |");
        text.AppendLine("| --- | ---: |");
        text.AppendLine(ci, $"| wall time, staff to closure | **{Wall.TotalSeconds:0.0} s** |");
        text.AppendLine(ci, $"| with the report read at the end | {WithReport.TotalSeconds:0.0} s |");
        text.AppendLine(ci, $"| cases (households) per second | {cases / Wall.TotalSeconds:0.0} |");
        text.AppendLine(ci, $"| people per second | {Scenario.People / Wall.TotalSeconds:0.0} |");
        text.AppendLine(ci, $"| requests through the gateway | {Requests:N0} ({Requests / Wall.TotalSeconds:0} per second) |");
        text.AppendLine(ci, $"| events appended ({string.Join(", ", Appended.Select(a => $"{a.Key} {a.Value:N0}"))}) | {Appended.Values.Sum():N0} |");
        text.AppendLine(ci, $"| program events per second | {ProgramEventsPerSecond:0} |");
        text.AppendLine(ci, $"| raw single-event appends per second ({Raw.Events:N0} events, {Writers} writers, {Raw.Elapsed.TotalSeconds:0.0} s) | {RawEventsPerSecond:0} |");
        text.AppendLine(ci, $"| **program events/s ÷ raw single-event appends/s** | **{ProgramEventsPerSecond / RawEventsPerSecond:0.00}** |");
        text.AppendLine(ci, $"| case read through the gateway, idle: p50 / p99 ms ({Idle.Count} reads at {ReadRate}/s, {Idle.Failures} failed) | {Idle.P50:0.0} / {Idle.P99:0.0} |");
        text.AppendLine(ci, $"| the same during the run: p50 / p99 ms ({During.Count} reads, {During.Failures} failed{(During.Failures > 0 ? $": {During.FailureReasons}" : "")}) | {During.P50:0.0} / {During.P99:0.0} |");
        text.AppendLine(ci, $"| **during ÷ idle: p50 / p99** | **{During.P50 / Idle.P50:0.0} / {During.P99 / Idle.P99:0.0}** |");
        text.AppendLine();
        if (Factor == 1m)
        {
            text.AppendLine(ci, $"Targets: stage 1 under {Target.TotalSeconds:0} s — **{(Wall < Target ? "met" : "not met")}** ({Wall.TotalSeconds:0.0} s); " +
                $"p99 of reads during the run under {ReadTargetMs:0} ms — **{(During.P99 < ReadTargetMs ? "met" : "not met")}** ({During.P99:0.0} ms).");
            text.AppendLine();
        }

        if (Cpu.Count > 0)
        {
            var capacity = Wall.TotalSeconds * Environment.ProcessorCount;
            text.AppendLine(ci, $"CPU used during the run ({capacity:0} core-seconds available; the machine is shared, so the rest went to other work):");
            text.AppendLine();
            text.AppendLine("| process | CPU seconds | share of the machine |");
            text.AppendLine("| --- | ---: | ---: |");
            foreach (var (process, used) in Cpu.OrderByDescending(c => c.Value ?? TimeSpan.Zero))
                text.AppendLine(ci, $"| {process} | {(used is { } u ? u.TotalSeconds.ToString("0.0", ci) : "–")} | {(used is { } v ? (v.TotalSeconds / capacity).ToString("P0", ci) : "–")} |");
            text.AppendLine();
        }

        if (IdleMemory.Count > 0)
        {
            text.AppendLine("| process | resident memory idle | highest during the run |");
            text.AppendLine("| --- | ---: | ---: |");
            foreach (var (process, idle) in IdleMemory)
                text.AppendLine(ci, $"| {process} | {MemorySample.Megabytes(idle)} | {MemorySample.Megabytes(PeakMemory.GetValueOrDefault(process))} |");
            text.AppendLine();
        }

        text.AppendLine("| stage | seconds | requests | requests/s | what |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- |");
        foreach (var s in Report.Stages)
            text.AppendLine(ci, $"| {s.Stage} | {s.Took.TotalSeconds:0.0} | {s.Requests:N0} | {s.Requests / Math.Max(0.001, s.Took.TotalSeconds):0} | {s.Summary} |");
        text.AppendLine();
        text.AppendLine(ci, $"Outcomes: {string.Join(", ", Report.CasesByOutcome.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))}; " +
            $"every budget line balances: {Report.Budgets.All(b => b.Balances)}.");
        return text.ToString();
    }

    /// <summary>The headline figures against the issue's targets (stage 1 in under a minute, reads' p99 under 50 ms).</summary>
    public IEnumerable<BenchmarkFigure> Figures()
    {
        var name = $"program ×{Factor.ToString(CultureInfo.InvariantCulture)}";
        var atStage1 = Factor == 1m;
        yield return new(name, "wall time, staff to closure", $"{BenchmarkFigure.Number(Wall.TotalSeconds, "0.0")} s",
            atStage1 ? $"< {Target.TotalSeconds:0} s" : "", atStage1 ? Wall < Target : null);
        yield return new(name, "cases per second", BenchmarkFigure.Number((Report.Cases.Count - 1) / Wall.TotalSeconds, "0.0"));
        yield return new(name, "program events/s ÷ raw single-event appends/s", BenchmarkFigure.Number(ProgramEventsPerSecond / RawEventsPerSecond, "0.00"));
        yield return new(name, "case read p99 during the run (idle)", $"{BenchmarkFigure.Number(During.P99, "0")} ms ({BenchmarkFigure.Number(Idle.P99, "0")} ms)",
            $"< {ReadTargetMs:0} ms", During.P99 < ReadTargetMs);
        yield return new(name, "case read p99 during ÷ idle", BenchmarkFigure.Number(During.P99 / Idle.P99, "0.0"));
        foreach (var (process, idle) in IdleMemory)
            yield return new("memory", $"{process}: resident idle → highest during ×{Factor.ToString(CultureInfo.InvariantCulture)}", $"{MemorySample.Megabytes(idle)} → {MemorySample.Megabytes(PeakMemory.GetValueOrDefault(process))}");
    }

}
