namespace Migration.EndToEnd.Tests;

/// <summary>Fresh settlement codes, so tests sharing one system never collide.</summary>
public static class Kato
{
    private static int _next = Random.Shared.Next(1_000_000, 9_000_000);

    public static string Next(string oblast = "43") => $"{oblast}{Interlocked.Increment(ref _next) % 10_000_000:D7}";
}
