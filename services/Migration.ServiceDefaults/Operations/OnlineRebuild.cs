using System.Reflection;
using System.Text.Json.Nodes;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Services;
using Migration.ServiceDefaults.EventStore;
using Npgsql;

namespace Migration.ServiceDefaults.Operations;

/// <summary>What a rebuild did: streams folded, documents written because they differed or were missing, documents deleted.</summary>
public sealed record RebuildOutcome(long Streams, long Written, long Deleted, int Passes);

/// <summary>
/// Rebuilds an inline single-stream projection while the service runs, stream by stream. Marten's own rebuild deletes
/// every document first and replays afterwards; an inline projection is applied by every instance on every append, so
/// in that window commands would find no aggregate and appends would build documents from a few events only. Here no
/// document is ever missing. A page of streams is folded from their events and compared with their documents without
/// locks; each stream whose document differs is folded again in a transaction that holds the stream's row lock (the
/// one every append takes), and its document is written, or deleted if the events no longer make one (documents
/// without a stream are orphans). An append that read the old document before the lock and committed after it would
/// overwrite the fresh document, so passes repeat until one changes nothing.
/// </summary>
public sealed class OnlineRebuild(IDocumentStore store, IConfiguration configuration, ILogger<OnlineRebuild> logger)
{
    private const int MaxPasses = 5;
    private const int PageSize = 500;
    private const int FoldParallelism = 4;

    private static readonly MethodInfo RunMethod = typeof(OnlineRebuild).GetMethod(nameof(RunFor), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Whether <paramref name="projection"/> can be rebuilt this way (inline, one document per stream).</summary>
    public static bool Supports(IAggregateProjection projection) =>
        projection.Lifecycle == ProjectionLifecycle.Inline && projection.Scope == AggregationScope.SingleStream;

    /// <param name="projection">An inline single-stream projection.</param>
    /// <param name="progress">Told the number of streams done so far, after each page.</param>
    /// <param name="cancellationToken">Stops between streams; what was rebuilt stays rebuilt.</param>
    public Task<RebuildOutcome> Run(IAggregateProjection projection, Func<long, Task> progress, CancellationToken cancellationToken)
    {
        if (!Supports(projection)) throw new InvalidOperationException($"{projection.AggregateType.Name} is not an inline single-stream projection.");
        return (Task<RebuildOutcome>)RunMethod.MakeGenericMethod(projection.AggregateType).Invoke(this, [projection, progress, cancellationToken])!;
    }

    private async Task<RebuildOutcome> RunFor<TDoc>(IAggregateProjection projection, Func<long, Task> progress, CancellationToken cancellationToken)
        where TDoc : class
    {
        var target = new Target(store, typeof(TDoc), projection.AllEventTypes);
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString(EventStoreExtensions.ConnectionName));
        await connection.OpenAsync(cancellationToken);

        long streams = 0, written = 0, deleted = 0;
        var pass = 0;
        while (pass < MaxPasses)
        {
            pass++;
            long changed = 0;
            object? after = null;
            while (true)
            {
                var ids = await target.NextPage(connection, after, PageSize, cancellationToken);
                if (ids.Count == 0) break;
                var suspects = await Differing<TDoc>(connection, target, ids, cancellationToken);
                streams += ids.Count - suspects.Count;
                foreach (var id in suspects)
                {
                    switch (await RebuildStream<TDoc>(connection, target, id, cancellationToken))
                    {
                        case Change.Written:
                            written++;
                            changed++;
                            break;
                        case Change.Deleted:
                            deleted++;
                            changed++;
                            break;
                    }

                    streams++;
                }

                after = ids[^1];
                await progress(streams);
            }

            logger.LogInformation("Rebuild of {Projection}, pass {Pass}: {Changed} documents changed", projection.AggregateType.Name, pass, changed);
            if (changed == 0) break;
        }

        return new RebuildOutcome(streams, written, deleted, pass);
    }

    private enum Change
    {
        None,
        Written,
        Deleted,
    }

    /// <summary>
    /// The streams of a page whose document differs from their events now, found without locks (folds run a few at a
    /// time, the documents are read in one query). Most documents agree, so only these pay for a locked transaction, where
    /// the comparison is made again.
    /// </summary>
    private async Task<IReadOnlyList<object>> Differing<TDoc>(NpgsqlConnection connection, Target target, IReadOnlyList<object> ids, CancellationToken cancellationToken)
        where TDoc : class
    {
        var stored = await target.StoredMany(connection, ids, cancellationToken);
        var differing = new System.Collections.Concurrent.ConcurrentBag<object>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = FoldParallelism, CancellationToken = cancellationToken }, async (id, token) =>
        {
            await using var session = store.QuerySession();
            var folded = id is string key
                ? await session.Events.AggregateStreamAsync<TDoc>(key, token: token)
                : await session.Events.AggregateStreamAsync<TDoc>((Guid)id, token: token);
            if (!Same(stored.GetValueOrDefault(id), folded)) differing.Add(id);
        });
        return [.. differing.OrderBy(id => id.ToString(), StringComparer.Ordinal)];
    }

    private bool Same(string? stored, object? folded) =>
        (stored, folded) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            _ => JsonNode.DeepEquals(JsonNode.Parse(stored), JsonNode.Parse(store.Options.Serializer().ToJson(folded))),
        };

    /// <summary>Folds one stream under its row lock and makes its document agree, in one transaction.</summary>
    private async Task<Change> RebuildStream<TDoc>(NpgsqlConnection connection, Target target, object id, CancellationToken cancellationToken)
        where TDoc : class
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await target.Lock(connection, transaction, id, cancellationToken);
        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var folded = id is string key
            ? await session.Events.AggregateStreamAsync<TDoc>(key, token: cancellationToken)
            : await session.Events.AggregateStreamAsync<TDoc>((Guid)id, token: cancellationToken);
        var stored = await target.Stored(connection, transaction, id, cancellationToken);

        Change change;
        if (folded is null)
        {
            if (stored is null) return Change.None;
            if (id is string text) session.Delete<TDoc>(text);
            else session.Delete<TDoc>((Guid)id);
            change = Change.Deleted;
        }
        else
        {
            if (Same(stored, folded)) return Change.None;
            session.Store(folded);
            change = Change.Written;
        }

        await session.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return change;
    }

    /// <summary>The tables of one projection: its documents, and the streams and events it is built from.</summary>
    private sealed class Target
    {
        private readonly string _streams;
        private readonly string _documents;
        private readonly string _candidates;
        private readonly string[]? _eventTypes;

        public Target(IDocumentStore store, Type documentType, IEnumerable<Type> eventTypes)
        {
            var schema = store.Options.Events.DatabaseSchemaName;
            _streams = $"{schema}.mt_streams";
            _documents = store.Options.AllKnownDocumentTypes().First(t => t.DocumentType == documentType).TableName.QualifiedName;
            var known = store.Options.Events.AllKnownEventTypes().ToDictionary(t => t.EventType, t => t.EventTypeName);
            var types = eventTypes.ToList();
            // Streams holding an event the projection applies, and every document (an orphan is deleted). When an event
            // type is unknown to the store, every stream is a candidate: slower, never wrong.
            _eventTypes = types.Count > 0 && types.All(known.ContainsKey) ? [.. types.Select(t => known[t])] : null;
            var streams = _eventTypes is null
                ? $"select s.id from {_streams} s"
                : $"select s.id from {_streams} s where exists (select 1 from {schema}.mt_events e where e.stream_id = s.id and e.type = any(@types))";
            _candidates = $"select id from ({streams} union select d.id from {_documents} d) ids";
        }

        public async Task<IReadOnlyList<object>> NextPage(NpgsqlConnection connection, object? after, int size, CancellationToken cancellationToken)
        {
            var sql = after is null ? $"{_candidates} order by id limit {size}" : $"{_candidates} where id > @after order by id limit {size}";
            await using var command = new NpgsqlCommand(sql, connection);
            if (_eventTypes is not null) command.Parameters.AddWithValue("types", _eventTypes);
            if (after is not null) command.Parameters.AddWithValue("after", after);
            var ids = new List<object>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetValue(0));
            return ids;
        }

        /// <summary>Takes the stream's row lock, which every append to the stream also takes, until the transaction ends.</summary>
        public async Task Lock(NpgsqlConnection connection, NpgsqlTransaction transaction, object id, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand($"select 1 from {_streams} where id = @id for update", connection, transaction);
            command.Parameters.AddWithValue("id", id);
            await command.ExecuteScalarAsync(cancellationToken);
        }

        public async Task<Dictionary<object, string>> StoredMany(NpgsqlConnection connection, IReadOnlyList<object> ids, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand($"select id, data::text from {_documents} where id = any(@ids)", connection);
            command.Parameters.Add(new NpgsqlParameter("ids", ids[0] is string ? ids.Cast<string>().ToArray() : ids.Cast<Guid>().ToArray()));
            var documents = new Dictionary<object, string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) documents[reader.GetValue(0)] = reader.GetString(1);
            return documents;
        }

        public async Task<string?> Stored(NpgsqlConnection connection, NpgsqlTransaction transaction, object id, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand($"select data::text from {_documents} where id = @id", connection, transaction);
            command.Parameters.AddWithValue("id", id);
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
    }
}
