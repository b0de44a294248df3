using System.Diagnostics;

namespace Migration.Benchmarks;

/// <summary>The process's memory at one point of the import: working set, its peak so far, and the managed heap.</summary>
public sealed record MemorySample(string At, long RowsRead, long WorkingSet, long PeakWorkingSet, long GcHeap)
{
    public static MemorySample Take(string at, long rowsRead)
    {
        using var process = Process.GetCurrentProcess();
        return new MemorySample(at, rowsRead, process.WorkingSet64, process.PeakWorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    public static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " MB";

    /// <summary>The same, or "–" for a process that could not be measured.</summary>
    public static string Megabytes(long? bytes) => bytes is { } b ? Megabytes(b) : "–";
}
