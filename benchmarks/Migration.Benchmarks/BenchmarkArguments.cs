using System.Globalization;

namespace Migration.Benchmarks;

/// <summary>
/// The benchmarks' options. Import: the defaults are the national scale (7,000 settlements, a million people).
/// Gateway: concurrent callers, seconds per run and rounds of (direct, gateway) runs.
/// Delivery: messages per run, events appended per transaction, rounds of (raw, system) runs, consumer concurrency (0: the services' own), events per new stream an offered rate (0: a flood) and, as an experiment, the daemon woken by LISTEN/NOTIFY.
/// </summary>
public sealed record BenchmarkArguments(int Settlements, int Persons, int Batch, int Seed, int RawPersons, string OutputDirectory, bool Keep)
{
    public int Workers { get; init; } = 16;
    public int Seconds { get; init; } = 10;
    public int Rounds { get; init; } = 3;
    public int Messages { get; init; } = 20_000;
    public int PerTransaction { get; init; } = 100;
    public int Concurrency { get; init; }
    public int PerStream { get; init; } = 1;
    public int Rate { get; init; }
    public bool ListenNotify { get; init; }

    public static BenchmarkArguments Parse(string[] args, int defaultRounds = 3)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var keep = false;
        var listenNotify = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep") keep = true;
            else if (args[i] == "--listen-notify") listenNotify = true;
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) values[args[i][2..]] = args[++i];
            else throw new ArgumentException($"Unknown argument '{args[i]}'.");
        }

        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var persons = Number("persons", 1_000_000);
        return new BenchmarkArguments(
            Number("settlements", 7_000), persons, Number("batch", 500), Number("seed", 42), Math.Min(persons, Number("raw-persons", 200_000)),
            values.GetValueOrDefault("out") ?? Path.Combine(Repository.Root, "artifacts", "benchmarks"), keep)
        {
            Workers = Number("workers", 16),
            Seconds = Number("seconds", 10),
            Rounds = Number("rounds", defaultRounds),
            Messages = Number("messages", 20_000),
            PerTransaction = Number("per-transaction", 100),
            Concurrency = Number("concurrency", 0),
            PerStream = Number("per-stream", 1),
            Rate = Number("rate", 0),
            ListenNotify = listenNotify,
        };
    }
}

/// <summary>Where the repository is, found from the benchmark's build output.</summary>
public static class Repository
{
    public static string Root => Migration.Testing.RepositoryPaths.Root;
}
