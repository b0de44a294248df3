using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;
using Migration.Testing.Servers;

namespace Migration.Benchmarks;

/// <summary>
/// Event delivery between services, against raw MassTransit in the same run. Raw: one bus publishes N certifications,
/// another bus (same <c>AddMessaging</c> settings: quorum queue, prefetch, concurrency, retry) consumes them. System: a
/// source service appends the events to its Marten store (100 per transaction), its <see cref="EventForwarder"/>
/// subscription publishes them, and a sink service's inbox consumer (<see cref="IdempotentConsumer{TMessage}"/>) commits
/// the handled record and one document per message. The runs alternate (raw, system) so a change in the machine's load
/// shows on both sides; each path has its own virtual host so neither sees the other's messages.
/// </summary>
public static class DeliveryBenchmark
{
    private const int WarmUpMessages = 1_000;

    /// <summary>The raw publisher sends a window of messages concurrently and awaits it, as the forwarder does with a page.</summary>
    private const int PublishWindow = 500;

    /// <summary>
    /// Runs the benchmark. <see cref="BenchmarkArguments.Concurrency"/>: messages each consumer handles at once (and
    /// max(32, 2N) prefetched), on both paths, 0 keeping the services' settings; <see cref="BenchmarkArguments.PerStream"/>: events
    /// per new stream (1: one stream per event, as one settlement per stream); <see cref="BenchmarkArguments.Rate"/>: offered
    /// messages per second (0: a flood); <see cref="BenchmarkArguments.ListenNotify"/>: the source's daemon woken by
    /// LISTEN/NOTIFY on append (as the services now are; off by default so that the runs stay comparable with the earlier ones);
    /// <see cref="BenchmarkArguments.BatchInbox"/>: the sink takes its messages in batches, as the case service takes the payment reports.
    /// </summary>
    /// <summary>The issue's target: event delivery at half the raw MassTransit rate or better.</summary>
    public const double Target = 0.50;

    public static async Task<IReadOnlyList<BenchmarkFigure>> Run(BenchmarkArguments options, CancellationToken cancellationToken)
    {
        var (messages, rounds, perTransaction, concurrency) = (options.Messages, options.Rounds, options.PerTransaction, options.Concurrency);
        var shape = new AppendShape(perTransaction, Math.Clamp(options.PerStream, 1, perTransaction), Math.Max(0, options.Rate));
        var flood = shape with { Rate = 0 };
        var loadBefore = LoadAverage();
        var settings = concurrency > 0
            ? new Dictionary<string, string?>
            {
                ["Messaging:ConcurrentMessageLimit"] = concurrency.ToString(CultureInfo.InvariantCulture),
                ["Messaging:PrefetchCount"] = Math.Max(32, 2 * concurrency).ToString(CultureInfo.InvariantCulture),
            }
            : new Dictionary<string, string?>();
        var consumers = (concurrency > 0 ? $"{concurrency} concurrent messages per consumer" : "the services' messaging settings") +
            (options.BatchInbox ? $", the system's inbox in batches of up to {BatchConsumers.MessageLimit}" : "");
        await using var rawIsolation = await Isolation.Create("delivery-raw");
        await using var systemIsolation = await Isolation.Create("delivery-system");
        var rawProbe = new DeliveryProbe();
        var systemProbe = new DeliveryProbe();
        var forwardProbe = new ForwardProbe();

        Console.WriteLine("Starting the hosts (raw publisher and consumer; source service with its forwarder, sink service with its inbox) …");
        await using var rawPublisher = await BenchmarkServiceHost.Start(rawIsolation, "bench-raw-publisher", settings, b => b.AddMessaging("bench-raw-publisher"), cancellationToken);
        await using var rawConsumer = await BenchmarkServiceHost.Start(rawIsolation, "bench-raw-consumer", settings,
            b => b.AddMessaging("bench-raw-consumer", bus => bus.AddConsumer<RawSettlementConsumer>()), cancellationToken);
        await using var source = await BenchmarkServiceHost.Start(systemIsolation, "bench-source", settings, b =>
        {
            b.AddEventStore("bench-source", store =>
                {
                    store.Events.AddEventType<BenchmarkSettlementCertified>();
                    // An experiment, not what the services do: wake the daemon by LISTEN/NOTIFY on append instead of polling.
                    store.Events.UseListenNotifyForEventAppends = options.ListenNotify;
                })
                .ForwardIntegrationEvents<DeliveryEventMap>(b.Services);
            b.AddMessaging("bench-source");
        }, cancellationToken);
        await using var sink = await BenchmarkServiceHost.Start(systemIsolation, "bench-sink", settings, b =>
        {
            b.AddEventStore("bench-sink", options => options.Schema.For<DeliveredSettlement>());
            b.AddMessaging("bench-sink", bus =>
            {
                if (options.BatchInbox) bus.AddIdempotentBatchConsumer<DeliveredSettlementBatchConsumer>();
                else bus.AddConsumer<DeliveredSettlementConsumer>();
            });
        }, cancellationToken);
        rawConsumer.Bus.ConnectConsumeObserver(rawProbe);
        sink.Bus.ConnectConsumeObserver(systemProbe);
        source.Bus.ConnectPublishObserver(forwardProbe);

        Console.WriteLine($"Warming up ({WarmUpMessages} each way); then {rounds} rounds of {messages} messages each way …");
        await Raw(rawPublisher.Bus, rawProbe, 0, WarmUpMessages, flood, cancellationToken);
        await System(source.Services, systemProbe, forwardProbe, 0, WarmUpMessages, flood, cancellationToken);
        var runs = new List<(DeliveryRun Raw, DeliveryRun System)>();
        var appendAlone = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var raw = await Raw(rawPublisher.Bus, rawProbe, round, messages, shape, cancellationToken);
            Console.WriteLine($"round {round}: {raw}");
            var system = await System(source.Services, systemProbe, forwardProbe, round, messages, shape, cancellationToken);
            Console.WriteLine($"round {round}: {system}");
            runs.Add((raw, system));
            // The same appends into the sink's store, which forwards nothing and while nothing is consumed: the ceiling
            // the appends alone put on the system's path at this moment.
            appendAlone.Add(messages / (await Append(sink.Services, round, messages, flood, cancellationToken)).TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: append alone {appendAlone[^1],8:0} events/s"));
        }

        var report = Report(runs, appendAlone, messages, shape, consumers, options.ListenNotify, loadBefore, LoadAverage());
        Directory.CreateDirectory(options.OutputDirectory);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, options.BatchInbox ? "delivery-batch-inbox.md" : "delivery.md"), report, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(report);
        return Figures(runs, shape, options.BatchInbox);
    }

    private static List<BenchmarkFigure> Figures(IReadOnlyList<(DeliveryRun Raw, DeliveryRun System)> runs, AppendShape shape, bool batchInbox)
    {
        var ratio = Rate(runs.Select(r => r.System)) / Rate(runs.Select(r => r.Raw));
        var kind = (shape.Rate > 0 ? $"paced at {shape.Rate:0} msg/s" : "flood") + (batchInbox ? ", batch inbox" : ", inbox per message");
        DeliveryRun Last(Func<(DeliveryRun Raw, DeliveryRun System), DeliveryRun> side) => side(runs[^1]);
        var name = batchInbox ? "delivery (batch inbox)" : "delivery";
        return
        [
            new(name, $"forwarder → RabbitMQ → inbox ÷ raw MassTransit, messages/s ({kind})", BenchmarkFigure.Number(ratio, "0.00"), $"≥ {Target:0.00}", ratio >= Target),
            new(name, "lag p50 / p99, system (raw), last round",
                $"{BenchmarkFigure.Number(Last(r => r.System).P50Ms, "0")} / {BenchmarkFigure.Number(Last(r => r.System).P99Ms, "0")} ms " +
                $"({BenchmarkFigure.Number(Last(r => r.Raw).P50Ms, "0")} / {BenchmarkFigure.Number(Last(r => r.Raw).P99Ms, "0")} ms)"),
        ];
    }

    private static double Rate(IEnumerable<DeliveryRun> runs) => runs.Sum(r => r.Messages) / runs.Sum(r => r.Elapsed.TotalSeconds);

    /// <summary>
    /// Raw MassTransit: publish N messages (stamped with the publish time), wait for the last to be consumed. Paced, the
    /// messages go in chunks of the system's transaction size on the system's schedule.
    /// </summary>
    private static async Task<DeliveryRun> Raw(IBus bus, DeliveryProbe probe, int run, int messages, AppendShape shape, CancellationToken cancellationToken)
    {
        var expectation = probe.Expect(messages);
        var started = Stopwatch.GetTimestamp();
        var window = shape.Rate > 0 ? shape.PerTransaction : PublishWindow;
        for (var first = 0; first < messages; first += window)
        {
            await Pace(started, first, shape, cancellationToken);
            await Task.WhenAll(Enumerable.Range(first, Math.Min(window, messages - first))
                .Select(i => bus.Publish(SampleCertification.Create(run, i, DateTimeOffset.UtcNow), cancellationToken)));
        }

        return DeliveryRun.From("raw", await Finished(expectation, started, messages, shape, cancellationToken), expectation);
    }

    /// <summary>
    /// The system's path: append N events, <paramref name="shape"/>'s number per transaction through the service's session
    /// factory, in new streams; the forwarder and the sink's inbox do the rest. Lag is from the event's timestamp.
    /// </summary>
    private static async Task<DeliveryRun> System(
        IServiceProvider source, DeliveryProbe probe, ForwardProbe forwarded, int run, int messages, AppendShape shape, CancellationToken cancellationToken)
    {
        var expectation = probe.Expect(messages);
        var allForwarded = forwarded.Expect(messages);
        var started = Stopwatch.GetTimestamp();
        var appended = await Append(source, run, messages, shape, cancellationToken);
        var elapsed = await Finished(expectation, started, messages, shape, cancellationToken);
        return DeliveryRun.From("system", elapsed, expectation) with { Phases = (appended, Stopwatch.GetElapsedTime(started, await allForwarded)) };
    }

    /// <summary>Appends N events to a service's store, as its commands do (a session from its factory per transaction).</summary>
    private static async Task<TimeSpan> Append(IServiceProvider service, int run, int messages, AppendShape shape, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var first = 0; first < messages; first += shape.PerTransaction)
        {
            await Pace(started, first, shape, cancellationToken);
            await using var scope = service.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            var last = Math.Min(first + shape.PerTransaction, messages);
            for (var stream = first; stream < last; stream += shape.PerStream)
            {
                session.Events.StartStream(Guid.NewGuid(), Enumerable.Range(stream, Math.Min(shape.PerStream, last - stream))
                    .Select(i => (object)new BenchmarkSettlementCertified(SampleCertification.Create(run, i, default))).ToArray());
            }

            await session.SaveChangesAsync(cancellationToken);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Paced runs offer a fixed rate, below both paths' capacity, so that lag is the path's own latency rather than time
    /// queued behind a flood: the next chunk waits for its scheduled time (a timer, not a wait for a condition).
    /// </summary>
    private static async Task Pace(long started, int sent, AppendShape shape, CancellationToken cancellationToken)
    {
        if (shape.Rate <= 0) return;
        var wait = TimeSpan.FromSeconds(sent / shape.Rate) - Stopwatch.GetElapsedTime(started);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
    }

    /// <summary>Time from the start to the last message consumed; a run that stalls fails loudly instead of waiting forever.</summary>
    private static async Task<TimeSpan> Finished(DeliveryProbe.Expectation expectation, long started, int messages, AppendShape shape, CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(Math.Max(60, messages / 100) + (shape.Rate > 0 ? messages / shape.Rate : 0));
        try
        {
            return Stopwatch.GetElapsedTime(started, await expectation.LastConsumed.WaitAsync(limit, cancellationToken));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Only {expectation.Received} of {messages} messages consumed within {limit.TotalSeconds:0} s ({expectation.Faults} faults).");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Report(
        IReadOnlyList<(DeliveryRun Raw, DeliveryRun System)> runs, IReadOnlyList<double> appendAlone, int messages, AppendShape shape, string consumers, bool listenNotify, string loadBefore, string loadAfter)
    {
        var text = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        text.AppendLine(ci, $"## Event delivery against raw MassTransit ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {messages} messages per run, {shape.PerTransaction} events per transaction, {shape.PerStream} per stream, {consumers}, {(shape.Rate > 0 ? $"paced at {shape.Rate:0} msg/s" : "flood")}{(listenNotify ? ", daemon woken by LISTEN/NOTIFY" : "")})");
        text.AppendLine();
        text.AppendLine("| round | raw msg/s | system msg/s | **system / raw** | raw lag p50 / p99 ms | system lag p50 / p99 ms | lag ratio p50 / p99 |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var ((r, s), i) in runs.Select((x, i) => (x, i + 1)))
        {
            text.AppendLine(ci,
                $"| {i} | {r.PerSecond:0} | {s.PerSecond:0} | **{s.PerSecond / r.PerSecond:0.00}** | {r.P50Ms:0.0} / {r.P99Ms:0.0} | {s.P50Ms:0.0} / {s.P99Ms:0.0} | {s.P50Ms / r.P50Ms:0.0} / {s.P99Ms / r.P99Ms:0.0} |");
        }

        var rawRate = Rate(runs.Select(r => r.Raw));
        var systemRate = Rate(runs.Select(r => r.System));
        text.AppendLine(ci, $"| all | {rawRate:0} | {systemRate:0} | **{systemRate / rawRate:0.00}** | | | |");
        text.AppendLine();
        text.AppendLine("System runs, seconds from the first append: last event appended / last publish confirmed by the broker / last message consumed: " +
            string.Join("; ", runs.Select(r => r.System.Phases is var (a, f) ? string.Create(ci, $"{a.TotalSeconds:0.0} / {f.TotalSeconds:0.0} / {r.System.Elapsed.TotalSeconds:0.0}") : "–")) + ".");
        text.AppendLine("Append alone (the same appends into a store that forwards nothing, nothing consuming), events/s by round: " +
            string.Join("; ", appendAlone.Select(rate => rate.ToString("0", ci))) + ".");
        text.AppendLine(ci, $"Redeliveries: raw {runs.Sum(r => r.Raw.Redeliveries)}, system {runs.Sum(r => r.System.Redeliveries)}; consume faults: raw {runs.Sum(r => r.Raw.Faults)}, system {runs.Sum(r => r.System.Faults)}.");
        text.AppendLine(ci, $"Load average (1, 5, 15 min): {loadBefore} before, {loadAfter} after.");
        return text.ToString();
    }

    /// <summary>How messages are offered: events per transaction, events per new stream, and messages per second (0: as fast as possible).</summary>
    private sealed record AppendShape(int PerTransaction, int PerStream, double Rate);
}
