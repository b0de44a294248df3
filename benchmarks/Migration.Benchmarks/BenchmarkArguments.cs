using System.Globalization;

namespace Migration.Benchmarks;

/// <summary>The import benchmark's options; the defaults are the national scale (7,000 settlements, a million people).</summary>
public sealed record BenchmarkArguments(int Settlements, int Persons, int Batch, int Seed, int RawPersons, string OutputDirectory, bool Keep)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep") keep = true;
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) values[args[i][2..]] = args[++i];
            else throw new ArgumentException($"Unknown argument '{args[i]}'.");
        }

        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var persons = Number("persons", 1_000_000);
        return new BenchmarkArguments(
            Number("settlements", 7_000), persons, Number("batch", 500), Number("seed", 42), Math.Min(persons, Number("raw-persons", 200_000)),
            values.GetValueOrDefault("out") ?? Path.Combine(Repository.Root, "artifacts", "benchmarks"), keep);
    }
}

/// <summary>Where the repository is, found from the benchmark's build output.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Migration.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Migration.sln above {AppContext.BaseDirectory}.");
    }
}
