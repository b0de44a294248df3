using System.Globalization;

namespace Migration.Benchmarks;

/// <summary>
/// CPU time a process has used (user + system, from <c>/proc/PID/stat</c>), optionally with its children that have
/// exited (PostgreSQL's backends are children of the postmaster: their time moves to it when they end).
/// </summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan? Of(int? processId, bool withChildren = false)
    {
        if (processId is not { } pid) return null;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based in proc(5)).
            double Field(int n) => double.Parse(fields[n - 3], CultureInfo.InvariantCulture);
            var ticks = Field(14) + Field(15) + (withChildren ? Field(16) + Field(17) : 0);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The whole PostgreSQL cluster: the postmaster, its exited children, and its live children.</summary>
    public static TimeSpan? OfPostgres(int? postmaster)
    {
        if (Of(postmaster, withChildren: true) is not { } total) return null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] == postmaster!.Value.ToString(CultureInfo.InvariantCulture) && Of(pid) is { } child) total += child;
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        return total;
    }

    /// <summary>The postmaster of the private local server (<c>MIGRATION_LOCAL_DIR</c>), when the benchmark runs against it.</summary>
    public static int? LocalPostmaster() => PidFrom(Path.Combine("postgres", "data", "postmaster.pid"));

    /// <summary>The Erlang VM of the private local RabbitMQ node (<c>MIGRATION_LOCAL_DIR</c>), when the benchmark runs against it.</summary>
    public static int? LocalRabbitMq() => PidFrom(Path.Combine("rabbitmq", "mnesia", "migration@localhost.pid"));

    /// <summary>The process id on the first line of a pid file under <c>MIGRATION_LOCAL_DIR</c>.</summary>
    private static int? PidFrom(string relativePath)
    {
        var dir = Environment.GetEnvironmentVariable("MIGRATION_LOCAL_DIR");
        var file = dir is null ? null : Path.Combine(dir, relativePath);
        try
        {
            return file is not null && File.Exists(file) && int.TryParse(File.ReadLines(file).First(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
