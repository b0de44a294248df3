using System.Collections.Concurrent;
using System.Text;

namespace Migration.Testing;

/// <summary>
/// Real settlement codes from the classifier edition the registry ships with, handed out once each per test process,
/// so tests certify settlements that exist and never collide with each other.
/// </summary>
public static class RealSettlements
{
    public sealed record Entry(string Code, string Name);

    /// <summary>
    /// с.Жанакорган (Kyzylorda oblast): the one settlement tests name by its code, to check what the classifier says of
    /// it. Never handed out by <see cref="Next"/>, so no test certifies it by chance before the test that names it.
    /// </summary>
    public const string Zhanakorgan = "434030100";

    private static readonly Lazy<Dictionary<string, ConcurrentQueue<Entry>>> ByOblast = new(Load);

    /// <summary>A settlement of <paramref name="oblast"/> (or any oblast) that no other test in this process has taken.</summary>
    public static Entry Next(string? oblast = null)
    {
        var queues = oblast is null ? ByOblast.Value.Values.OrderByDescending(q => q.Count).Take(1) : [ByOblast.Value[oblast]];
        foreach (var queue in queues)
            if (queue.TryDequeue(out var entry)) return entry;
        throw new InvalidOperationException($"No unused settlement left in oblast {oblast ?? "(any)"}.");
    }

    public static string NextCode(string? oblast = null) => Next(oblast).Code;

    private static Dictionary<string, ConcurrentQueue<Entry>> Load()
    {
        var file = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "services", "Migration.Registry", "Reference"), "kato-*.csv").Max()!;
        var start = Random.Shared.Next(0, 1000);
        return File.ReadLines(file, Encoding.UTF8).Skip(1)
            .Select(line => line.Split(';'))
            .Where(f => f.Length >= 4 && f[2].Length == 9 && f[2][6..] != "000")
            .Select(f => new Entry(f[2], f[3]))
            .Where(e => e.Code != Zhanakorgan)
            .GroupBy(e => e.Code[..2])
            .ToDictionary(g => g.Key, g => new ConcurrentQueue<Entry>(g.Skip(start % Math.Max(1, g.Count() / 2))));
    }
}
