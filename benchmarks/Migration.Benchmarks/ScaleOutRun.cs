using System.Globalization;
using System.Text;
using Migration.ProgramRun.Report;
using Migration.ProgramRun.Scenario;

namespace Migration.Benchmarks;

/// <summary>One scale-out run: the program played with <see cref="Instances"/> instances of every service.</summary>
/// <param name="Cpu">CPU time used during the run, by part: each service (all its instances), identity, gateway, postgresql, rabbitmq.</param>
/// <param name="Machine">CPU time the whole machine was busy during the run (other people's work included).</param>
public sealed record ScaleOutRun(
    int Instances, ProgramReport Report, TimeSpan Elapsed, long Requests, long Events, IReadOnlyDictionary<string, TimeSpan> Cpu, TimeSpan Machine,
    string LoadBefore, string LoadAfter)
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>Messages the broker delivered to the services' consumers during the run.</summary>
    public long Messages { get; init; }

    /// <summary>How much each service's database grew during the run.</summary>
    public IReadOnlyDictionary<string, long> DatabaseBytes { get; init; } = new Dictionary<string, long>();

    /// <summary>Time from the first stage to the closure (the stages' times summed, as benchmark 1 counts it).</summary>
    public TimeSpan Wall => Report.Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Took);

    public double CasesPerSecond => Report.Cases.Count / Wall.TotalSeconds;

    public TimeSpan Ours => Cpu.Values.Aggregate(TimeSpan.Zero, (sum, c) => sum + c);

    public override string ToString() =>
        string.Create(Ci, $"{Instances} instance(s): {Wall.TotalSeconds:0.0} s, {Report.Cases.Count} cases, {CasesPerSecond:0.00} cases/s, {Events:N0} events; " +
            $"CPU ours {Ours.TotalSeconds:0} s of the machine's busy {Machine.TotalSeconds:0} s; load {LoadBefore} → {LoadAfter}");

    public static string Render(BenchmarkArguments options, ProgramScenario scenario, int parallelism, IReadOnlyList<ScaleOutRun> runs)
    {
        var text = new StringBuilder();
        var cores = Environment.ProcessorCount;
        text.AppendLine(Ci, $"## Scale-out, factor {options.Factor} ({DateTime.UtcNow:yyyy-MM-dd}, {cores} cores, seed {options.Seed}, parallelism {parallelism}, {options.Rounds} round(s))");
        text.AppendLine();
        text.AppendLine(Ci, $"{scenario.Households.Count:N0} households, {scenario.People:N0} people. One system per run: N instances of each of the four services, one identity service, one gateway; the same PostgreSQL and RabbitMQ node.");
        text.AppendLine();
        text.AppendLine("| instances per service | wall s | cases/s | **÷ 1 instance** | events/s | CPU s: ours (PostgreSQL, RabbitMQ) | cores busy: ours / whole machine | load before → after |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        var baseline = runs.Where(r => r.Instances == runs.Min(x => x.Instances)).Average(r => r.CasesPerSecond);
        foreach (var r in runs)
        {
            var wall = r.Elapsed.TotalSeconds;
            text.AppendLine(Ci, $"| {r.Instances} | {r.Wall.TotalSeconds:0.0} | {r.CasesPerSecond:0.00} | **{r.CasesPerSecond / baseline:0.00}** | {r.Events / r.Wall.TotalSeconds:0} | " +
                $"{r.Ours.TotalSeconds:0} ({r.Cpu.GetValueOrDefault("postgresql").TotalSeconds:0}, {r.Cpu.GetValueOrDefault("rabbitmq").TotalSeconds:0}) | " +
                $"{r.Ours.TotalSeconds / wall:0.00} / {r.Machine.TotalSeconds / wall:0.00} of {cores} | {r.LoadBefore} → {r.LoadAfter} |");
        }

        text.AppendLine();
        text.AppendLine("CPU seconds by part:");
        text.AppendLine();
        var partNames = runs.SelectMany(r => r.Cpu.Keys).Distinct(StringComparer.Ordinal).ToList();
        text.AppendLine(Ci, $"| instances | {string.Join(" | ", partNames)} |");
        text.AppendLine(Ci, $"| ---: | {string.Join(" | ", partNames.Select(_ => "---:"))} |");
        foreach (var r in runs)
            text.AppendLine(Ci, $"| {r.Instances} | {string.Join(" | ", partNames.Select(p => r.Cpu.GetValueOrDefault(p).TotalSeconds.ToString("0.0", Ci)))} |");
        text.AppendLine();
        text.AppendLine("Stage seconds:");
        text.AppendLine();
        var stageNames = runs[0].Report.Stages.Select(s => s.Stage).ToList();
        text.AppendLine(Ci, $"| instances | {string.Join(" | ", stageNames)} |");
        text.AppendLine(Ci, $"| ---: | {string.Join(" | ", stageNames.Select(_ => "---:"))} |");
        foreach (var r in runs)
            text.AppendLine(Ci, $"| {r.Instances} | {string.Join(" | ", stageNames.Select(n => r.Report.Stages.FirstOrDefault(s => s.Stage == n)?.Took.TotalSeconds.ToString("0.0", Ci) ?? "–"))} |");
        text.AppendLine();
        text.AppendLine("Per case (household), from the same runs:");
        text.AppendLine();
        text.AppendLine("| instances | cases | events | messages delivered | requests | database growth | CPU s of the system (PostgreSQL) |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in runs)
        {
            double cases = r.Report.Cases.Count;
            text.AppendLine(Ci, $"| {r.Instances} | {cases:0} | {r.Events / cases:0.0} | {r.Messages / cases:0.0} | {r.Requests / cases:0.0} | {r.DatabaseBytes.Values.Sum() / cases / 1024:0} KiB | " +
                $"{r.Ours.TotalSeconds / cases:0.00} ({r.Cpu.GetValueOrDefault("postgresql").TotalSeconds / cases:0.00}) |");
        }

        text.AppendLine();
        foreach (var r in runs)
            text.AppendLine(Ci, $"{r.Instances} instance(s), database growth per case: {string.Join(", ", r.DatabaseBytes.Select(b => $"{b.Key} {b.Value / (double)r.Report.Cases.Count / 1024:0} KiB"))}.");
        text.AppendLine();
        foreach (var r in runs)
            text.AppendLine(Ci, $"{r.Instances} instance(s): outcomes {string.Join(", ", r.Report.CasesByOutcome.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}"))}; every budget line balances: {r.Report.Budgets.All(b => b.Balances)}; {r.Requests:N0} requests.");
        return text.ToString();
    }
}
