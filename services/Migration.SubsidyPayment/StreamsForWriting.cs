using JasperFx.Events;
using Marten;

namespace Migration.SubsidyPayment;

/// <summary>
/// The streams one transaction writes, each fetched once (<c>FetchForWriting</c>: version-checked at commit, and the
/// inline projection gets the version it needs in Quick append mode), so several changes to one stream in one
/// transaction append to the same fetched stream. Many streams are fetched in batched queries (<see cref="Prefetch{T}"/>):
/// one round trip for up to <see cref="BatchSize"/> streams instead of one each.
/// </summary>
public sealed class StreamsForWriting(IDocumentSession session)
{
    public const int BatchSize = 500;

    private readonly Dictionary<(Type, Guid), object> _streams = [];

    /// <summary>Fetches the streams of <paramref name="ids"/> not fetched yet, in batched queries.</summary>
    public async Task Prefetch<T>(IEnumerable<Guid> ids, CancellationToken cancellationToken) where T : class
    {
        foreach (var chunk in ids.Distinct().Where(id => !_streams.ContainsKey((typeof(T), id))).Chunk(BatchSize))
        {
            var batch = session.CreateBatchQuery();
            var fetches = chunk.Select(id => (id, batch.Events.FetchForWriting<T>(id))).ToList();
            await batch.Execute(cancellationToken);
            foreach (var (id, fetch) in fetches) _streams[(typeof(T), id)] = await fetch;
        }
    }

    public async Task<IEventStream<T>> Of<T>(Guid id, CancellationToken cancellationToken) where T : class
    {
        if (_streams.TryGetValue((typeof(T), id), out var known)) return (IEventStream<T>)known;
        var stream = await session.Events.FetchForWriting<T>(id, cancellationToken);
        _streams[(typeof(T), id)] = stream;
        return stream;
    }
}
