using System.Globalization;

namespace Migration.Benchmarks;

/// <summary>
/// The benchmarks' options. Import: the defaults are the national scale (7,000 settlements, a million people).
/// Gateway: concurrent callers, seconds per run and rounds of (direct, gateway) runs.
/// Program: the scenario's factor, the driver's parallelism, the paced reads and the raw baseline's size and writers.
/// Scale-out: the factor, the instance counts per service and the rounds.
/// All: every benchmark above in one run, the program at each of the factors.
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

    /// <summary>Delivery: the sink's inbox takes batches (<c>IdempotentBatchConsumer</c>) instead of one message a transaction.</summary>
    public bool BatchInbox { get; init; }

    /// <summary>Program: the scenario's scale (1 = stage 1's 6,674 people).</summary>
    public decimal Factor { get; init; } = 1m;

    /// <summary>Program: the driver's degree of parallelism inside a stage (0: the driver's default).</summary>
    public int Parallelism { get; init; }

    /// <summary>Program: case reads per second sampled through the gateway, idle and during the run.</summary>
    public int ReadRate { get; init; } = 20;

    /// <summary>Program: seconds of idle reads before the run.</summary>
    public int IdleSeconds { get; init; } = 15;

    /// <summary>Program: events of the raw single-event baseline (0: as many as the run appended).</summary>
    public int RawEvents { get; init; }

    /// <summary>Program: concurrent writers of the raw baseline.</summary>
    public int Writers { get; init; } = 8;

    /// <summary>All: the program's factors, one program run each (1: stage 1; 10: ten times stage 1).</summary>
    public IReadOnlyList<decimal> Factors { get; init; } = [1m];

    /// <summary>Scale-out: the instance counts per service to compare (the first is the baseline).</summary>
    public IReadOnlyList<int> Instances { get; init; } = [1, 2, 3];

    public static BenchmarkArguments Parse(string[] args, int defaultRounds = 3)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var keep = false;
        var listenNotify = false;
        var batchInbox = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep") keep = true;
            else if (args[i] == "--listen-notify") listenNotify = true;
            else if (args[i] == "--batch-inbox") batchInbox = true;
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
            BatchInbox = batchInbox,
            Factor = values.TryGetValue("factor", out var factor) ? decimal.Parse(factor, CultureInfo.InvariantCulture) : 1m,
            Parallelism = Number("parallelism", 0),
            ReadRate = Number("read-rate", 20),
            IdleSeconds = Number("idle-seconds", 15),
            RawEvents = Number("raw-events", 0),
            Writers = Number("writers", 8),
            Factors = values.TryGetValue("factors", out var factors)
                ? [.. factors.Split(',').Select(f => decimal.Parse(f, CultureInfo.InvariantCulture))]
                : [1m],
            Instances = values.TryGetValue("instances", out var instances)
                ? [.. instances.Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture))]
                : [1, 2, 3],
        };
    }
}

/// <summary>Where the repository is, found from the benchmark's build output.</summary>
public static class Repository
{
    public static string Root => Migration.Testing.RepositoryPaths.Root;
}
