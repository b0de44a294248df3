using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Migration.Benchmarks;

/// <summary>
/// Reads at a fixed pace (an open loop: a read starts every 1/rate seconds whether or not the previous one answered),
/// so that the latency is what a user would see at that moment, not a closed loop's own queueing. Every read's latency is
/// kept; failed reads are counted by why they failed (the status answered, or the exception).
/// </summary>
public sealed class PacedReads(string name)
{
    private readonly List<double> latencies = [];
    private readonly ConcurrentDictionary<string, int> failedBy = new(StringComparer.Ordinal);
    private int failures;

    public string Name { get; } = name;

    public int Count
    {
        get
        {
            lock (latencies) return latencies.Count;
        }
    }

    public int Failures => failures;

    /// <summary>The failed reads by reason, e.g. "429 × 3, TaskCanceledException × 1"; empty when none failed.</summary>
    public string FailureReasons => string.Join(", ", failedBy.OrderByDescending(f => f.Value).Select(f => $"{f.Key} × {f.Value}"));

    /// <summary>A read's outcome: answered 200, or why not.</summary>
    public readonly record struct Outcome(bool Ok, string? Failure)
    {
        public static Outcome From(HttpStatusCode status) => status == HttpStatusCode.OK ? new(true, null) : new(false, ((int)status).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Reads <paramref name="read"/> <paramref name="perSecond"/> times a second until <paramref name="stop"/> is cancelled.</summary>
    public async Task Run(Func<CancellationToken, Task<Outcome>> read, double perSecond, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var due = interval * n - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(due, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            inFlight.Add(One(read));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
    }

    private async Task One(Func<CancellationToken, Task<Outcome>> read)
    {
        var started = Stopwatch.GetTimestamp();
        Outcome outcome;
        try
        {
            outcome = await read(CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            outcome = new(false, e.GetType().Name);
        }

        if (!outcome.Ok)
        {
            Interlocked.Increment(ref failures);
            failedBy.AddOrUpdate(outcome.Failure ?? "?", 1, (_, n) => n + 1);
            return;
        }

        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        lock (latencies) latencies.Add(ms);
    }

    public double Percentile(double p)
    {
        double[] sorted;
        lock (latencies) sorted = [.. latencies.Order()];
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double Max => Percentile(1.0);

    /// <summary>
    /// A read of <paramref name="path"/> with the caller's current token (<paramref name="token"/>, renewed before it
    /// expires: a run at ten times stage 1 outlives a token), counted as answered when it is 200.
    /// </summary>
    public static Func<CancellationToken, Task<Outcome>> Get(HttpClient client, Func<Task<string>> token, string path) => async ct =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new("Bearer", await token());
        using var response = await client.SendAsync(request, ct);
        return Outcome.From(response.StatusCode);
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-10} {Count,6} reads   p50 {P50,7:0.0} ms   p99 {P99,7:0.0} ms   max {Max,7:0.0} ms   ({Failures} failed{(Failures > 0 ? $": {FailureReasons}" : "")})");
}
