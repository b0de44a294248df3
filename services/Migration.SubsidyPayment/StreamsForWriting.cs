using JasperFx.Events;
using Marten;

namespace Migration.SubsidyPayment;

/// <summary>
/// The streams one transaction writes, each fetched once (<c>FetchForWriting</c>: version-checked at commit, and the
/// inline projection gets the version it needs in Quick append mode), so several changes to one stream in one
/// transaction append to the same fetched stream.
/// </summary>
public sealed class StreamsForWriting(IDocumentSession session)
{
    private readonly Dictionary<(Type, Guid), object> _streams = [];

    public async Task<IEventStream<T>> Of<T>(Guid id, CancellationToken cancellationToken) where T : class
    {
        if (_streams.TryGetValue((typeof(T), id), out var known)) return (IEventStream<T>)known;
        var stream = await session.Events.FetchForWriting<T>(id, cancellationToken);
        _streams[(typeof(T), id)] = stream;
        return stream;
    }
}
