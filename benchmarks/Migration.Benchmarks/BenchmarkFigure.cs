using System.Globalization;
using System.Text;

namespace Migration.Benchmarks;

/// <summary>
/// One headline figure of a benchmark, for the summary of <c>all</c>: what was measured, the value, and where the issue
/// sets one, the target and whether this run met it (<c>null</c>: no target).
/// </summary>
public sealed record BenchmarkFigure(string Benchmark, string Measure, string Value, string Target = "", bool? Met = null)
{
    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>The summary every benchmark of one <c>all</c> run contributes to: a table of figures against their targets.</summary>
public static class BenchmarkSummary
{
    public static string Render(IEnumerable<BenchmarkFigure> figures, DateTimeOffset started, TimeSpan took, string loadBefore, string loadAfter)
    {
        var ci = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(ci, $"## Benchmarks, {started:yyyy-MM-dd HH:mm} UTC ({Environment.ProcessorCount} cores; {took.TotalMinutes:0} minutes; load average {loadBefore} before, {loadAfter} after)");
        text.AppendLine();
        text.AppendLine("Every ratio is against a baseline measured in the same run on the same machine.");
        text.AppendLine();
        text.AppendLine("| benchmark | figure | value | target | met |");
        text.AppendLine("| --- | --- | ---: | ---: | :---: |");
        foreach (var f in figures)
            text.AppendLine(ci, $"| {f.Benchmark} | {f.Measure} | {f.Value} | {f.Target} | {f.Met switch { true => "yes", false => "**no**", null => "" }} |");
        return text.ToString();
    }
}
