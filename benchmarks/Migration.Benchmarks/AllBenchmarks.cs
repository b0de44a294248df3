using System.Diagnostics;

namespace Migration.Benchmarks;

/// <summary>
/// Every benchmark the issue asks for, one after the other in one command, each against its own baseline measured in the
/// same run: event delivery against raw MassTransit, the gateway against direct calls, the registry import against raw
/// batched appends, and the program end to end at each factor (with the services' memory idle and under load). Ends
/// with <c>summary.md</c>: the headline figures against the targets.
/// </summary>
public static class AllBenchmarks
{
    /// <summary>Persons in the import's file when not given: a quarter of the national scale keeps the whole run near a quarter of an hour.</summary>
    private const int ImportPersons = 250_000;

    /// <summary>Events of the program's raw baseline when not given: enough for a steady rate, minutes less than the run's own count.</summary>
    private const int RawEvents = 50_000;

    public static async Task Run(BenchmarkArguments options, string[] args, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var loadBefore = ProgramBenchmark.LoadAverage();
        var clock = Stopwatch.StartNew();
        var figures = new List<BenchmarkFigure>();
        void Stage(string name) => Console.WriteLine($"{Environment.NewLine}=== {name} ({clock.Elapsed.TotalMinutes:0.0} min) ===");

        Stage("event delivery");
        var delivery = BenchmarkArguments.Parse(args, defaultRounds: 2);
        figures.AddRange(await DeliveryBenchmark.Run(delivery, cancellationToken));
        Stage("event delivery, batch inbox");
        figures.AddRange(await DeliveryBenchmark.Run(delivery with { BatchInbox = true }, cancellationToken));
        Stage("gateway");
        figures.AddRange(await GatewayBenchmark.Run(options.Workers, TimeSpan.FromSeconds(options.Seconds), options.Rounds, options.OutputDirectory, cancellationToken));
        Stage("registry import");
        var persons = args.Contains("--persons") ? options.Persons : ImportPersons;
        figures.AddRange(await ImportBenchmark.Run(options with { Persons = persons, RawPersons = Math.Min(options.RawPersons, persons) }, cancellationToken));
        foreach (var factor in options.Factors)
        {
            Stage($"program ×{factor}");
            var program = await ProgramBenchmark.Run(options with { Factor = factor, RawEvents = options.RawEvents > 0 ? options.RawEvents : RawEvents }, cancellationToken);
            figures.AddRange(program.Figures());
        }

        var summary = BenchmarkSummary.Render(figures.OrderBy(f => f.Benchmark == "memory"), started, clock.Elapsed, loadBefore, ProgramBenchmark.LoadAverage());
        Directory.CreateDirectory(options.OutputDirectory);
        var file = Path.Combine(options.OutputDirectory, "summary.md");
        await File.WriteAllTextAsync(file, summary, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(summary);
        Console.WriteLine($"Written to {file}; each benchmark's own report beside it.");
    }
}
