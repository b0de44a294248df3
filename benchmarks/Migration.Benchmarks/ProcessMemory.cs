using System.Globalization;

namespace Migration.Benchmarks;

/// <summary>The resident set size of another process, from <c>/proc/{pid}/status</c> (Linux).</summary>
public static class ProcessMemory
{
    public static long? ResidentBytes(int? processId)
    {
        if (processId is not { } pid || !File.Exists($"/proc/{pid}/status")) return null;
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}
