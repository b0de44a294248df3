namespace Migration.Benchmarks;

/// <summary>
/// The resident memory of the system's processes under load: sampled every second until stopped, keeping each
/// process's highest value (a process restarted meanwhile is sampled under its old id no more, so it shows as missing).
/// </summary>
public sealed class MemoryPeaks(IReadOnlyDictionary<string, int?> processes)
{
    private readonly Dictionary<string, long> peaks = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long?> Now() => processes.ToDictionary(p => p.Key, p => ProcessMemory.ResidentBytes(p.Value));

    public async Task Sample(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                foreach (var (name, bytes) in Now())
                    if (bytes is { } b) lock (peaks) peaks[name] = Math.Max(b, peaks.GetValueOrDefault(name));
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public IReadOnlyDictionary<string, long?> Peaks()
    {
        lock (peaks) return processes.Keys.ToDictionary(name => name, name => peaks.TryGetValue(name, out var b) ? b : (long?)null);
    }
}
