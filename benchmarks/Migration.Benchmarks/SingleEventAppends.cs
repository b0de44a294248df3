using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;
using Migration.Testing.Servers;

namespace Migration.Benchmarks;

/// <summary>An event of the raw baseline: about the size of a small domain event (an id, a key, an amount, a caller).</summary>
public sealed record RawAppended(Guid Id, string Key, decimal AmountKzt, string By);

/// <summary>
/// The baseline of the program benchmark: raw Marten appends, one event per transaction (a new stream each), from a few
/// concurrent writers, on a store configured as the services' (<c>AddEventStore</c>: Quick appends, all metadata), on the
/// same PostgreSQL, in a database of its own. No projection, no forwarding, no HTTP: what the machine's database does with
/// single-event transactions at that moment.
/// </summary>
public static class SingleEventAppends
{
    public const string ServiceName = "bench-raw-append";

    public static async Task<(long Events, TimeSpan Elapsed)> Measure(Isolation isolation, long events, int writers, CancellationToken cancellationToken)
    {
        await using var host = await BenchmarkServiceHost.Start(isolation, ServiceName, new Dictionary<string, string?>(), b =>
        {
            b.AddEventStore(ServiceName, _ => { });
            b.AddMessaging(ServiceName);
        }, cancellationToken);
        var store = host.Services.GetRequiredService<IDocumentStore>();
        for (var i = 0; i < 200; i++) await AppendOne(store, i, cancellationToken); // warm-up: connections, statements

        long next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var n && n <= events) await AppendOne(store, n, cancellationToken);
        }));
        return (events, clock.Elapsed);
    }

    private static async Task AppendOne(IDocumentStore store, long n, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "benchmark";
        session.CorrelationId = "benchmark-raw";
        var id = Guid.CreateVersion7();
        session.Events.StartStream(id, new RawAppended(id, $"raw/{n}", 1000m + n % 1000, "benchmark"));
        await session.SaveChangesAsync(cancellationToken);
    }
}
