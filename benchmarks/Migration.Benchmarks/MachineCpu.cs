using System.Globalization;

namespace Migration.Benchmarks;

/// <summary>CPU time the whole machine spent busy (every process, not idle or waiting for I/O), from <c>/proc/stat</c>.</summary>
public static class MachineCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Busy()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + (fields.Length > 7 ? fields[7] : 0);
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }
}
