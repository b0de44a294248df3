using System.Diagnostics;
using System.Globalization;

namespace Migration.Benchmarks;

/// <summary>
/// A closed-loop load: <c>workers</c> loops each sending one request after the other for a fixed time; every request's
/// latency is kept. Throughput is completed requests per second; failed requests are counted, never hidden.
/// </summary>
public sealed record LoadRun(string Name, int Requests, int Failures, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public static async Task<LoadRun> Measure(string name, Func<CancellationToken, Task<bool>> request, int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[workers];
        var failures = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(duration);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            latencies[w] = [];
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await request(CancellationToken.None);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                if (ok) latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                else Interlocked.Increment(ref failures);
            }
        }));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadRun(name, all.Length, failures, elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-8} {PerSecond,9:0} req/s   p50 {P50Ms,6:0.0} ms   p99 {P99Ms,6:0.0} ms   ({Requests} ok, {Failures} failed, {Elapsed.TotalSeconds:0.0} s)");
}
