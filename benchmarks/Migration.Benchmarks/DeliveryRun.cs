using System.Globalization;

namespace Migration.Benchmarks;

/// <summary>
/// One measured run of N messages: throughput over first publish (or append) → last consumed, and the per-message lag
/// percentiles.
/// </summary>
public sealed record DeliveryRun(string Name, int Messages, TimeSpan Elapsed, double P50Ms, double P99Ms, int Redeliveries, int Faults)
{
    /// <summary>System runs only: when the last event was appended, and when the forwarder's last publish was confirmed.</summary>
    public (TimeSpan Appended, TimeSpan Forwarded)? Phases { get; init; }

    public double PerSecond => Messages / Elapsed.TotalSeconds;

    public static DeliveryRun From(string name, TimeSpan elapsed, DeliveryProbe.Expectation expectation)
    {
        var lags = expectation.LagsMs.Order().ToArray();
        return new DeliveryRun(name, lags.Length, elapsed, Percentile(lags, 0.50), Percentile(lags, 0.99), expectation.Redeliveries, expectation.Faults);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public override string ToString() => Summary() + (Phases is var (appended, forwarded)
        ? string.Create(CultureInfo.InvariantCulture, $"; appended at {appended.TotalSeconds:0.0} s, forwarded at {forwarded.TotalSeconds:0.0} s")
        : "");

    private string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-7} {PerSecond,8:0} msg/s   lag p50 {P50Ms,8:0.0} ms   p99 {P99Ms,8:0.0} ms   ({Messages} in {Elapsed.TotalSeconds:0.0} s, {Redeliveries} redelivered, {Faults} faults)");
}
