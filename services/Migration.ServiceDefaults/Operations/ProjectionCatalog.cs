using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Migration.ServiceDefaults.Operations;

/// <summary>What the operations API says about one projection or subscription of the service.</summary>
/// <param name="Name">The name the API and Marten know it by.</param>
/// <param name="Kind"><c>projection</c> (documents built from events) or <c>subscription</c> (e.g. the event forwarder).</param>
/// <param name="Lifecycle"><c>inline</c>: applied in the transaction of every append, on every instance; <c>async</c>: run by the daemon's leader.</param>
/// <param name="DocumentType">The document a projection builds.</param>
/// <param name="Position">The last event sequence an async shard has processed (inline projections are always current: null).</param>
/// <param name="HighWaterMark">The highest event sequence the store has settled.</param>
/// <param name="Behind">Events between the position and the high-water mark.</param>
/// <param name="RunningHere">Whether this instance's daemon runs the shard (the HotCold leader does).</param>
/// <param name="ActiveOperation">A rebuild or rewind under way.</param>
public sealed record ProjectionState(
    string Name, string Kind, string Lifecycle, string? DocumentType, long? Position, long HighWaterMark, long? Behind, bool? RunningHere,
    Guid? ActiveOperation);

/// <summary>
/// The projections and subscriptions registered in the service's store, with their progress against the store's
/// high-water mark, read from Marten's progression table and this instance's daemon.
/// </summary>
public sealed class ProjectionCatalog(IDocumentStore store, Marten.Events.Daemon.Coordination.IProjectionCoordinator coordinator)
{
    private ProjectionOptions Projections => ((DocumentStore)store).Options.Projections;

    /// <summary>A projection an operator may rebuild, by name (case-insensitive).</summary>
    public IAggregateProjection? FindProjection(string name) =>
        Projections.All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) as IAggregateProjection;

    public bool IsProjection(string name) => Projections.All.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The registered name of a subscription (not a projection) called <paramref name="name"/>, if there is one.</summary>
    public string? FindSubscription(string name) =>
        SubscriptionNames().FirstOrDefault(s => string.Equals(s, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The registered name of a projection called <paramref name="name"/>, if there is one.</summary>
    public string? ProjectionName(string name) =>
        Projections.All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.Name;

    /// <summary>Whether this instance's daemon currently runs the shards of <paramref name="name"/> (it is their HotCold leader).</summary>
    public bool RunsHere(string name) =>
        coordinator.DaemonForMainDatabase().CurrentAgents()
            .Any(a => string.Equals(a.Name.Name, name, StringComparison.OrdinalIgnoreCase) && a.Status == JasperFx.AgentStatus.Running);

    /// <summary>The position of a subscription or async projection: the last sequence it processed (0 before it ran).</summary>
    public async Task<long> Position(string name, CancellationToken cancellationToken)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        return progress.Where(p => NameOf(p.ShardName) == name).Select(p => p.Sequence).DefaultIfEmpty(0).Max();
    }

    public async Task<IReadOnlyList<ProjectionState>> List(IReadOnlyDictionary<string, Guid> active, CancellationToken cancellationToken)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        var highWater = progress.FirstOrDefault(p => p.ShardName == ShardState.HighWaterMark)?.Sequence
            ?? (await store.Advanced.FetchEventStoreStatistics(token: cancellationToken)).EventSequenceNumber;
        var positions = progress.Where(p => p.ShardName != ShardState.HighWaterMark)
            .GroupBy(p => NameOf(p.ShardName), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Min(p => p.Sequence), StringComparer.OrdinalIgnoreCase);

        var states = new List<ProjectionState>();
        foreach (var projection in Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live))
        {
            var inline = projection.Lifecycle == ProjectionLifecycle.Inline;
            long? position = inline ? null : positions.GetValueOrDefault(projection.Name);
            states.Add(new ProjectionState(projection.Name, "projection", inline ? "inline" : "async",
                (projection as IAggregateProjection)?.AggregateType.Name, position, highWater, position is { } p ? Math.Max(0, highWater - p) : null,
                inline ? null : RunsHere(projection.Name), Active(active, OperationKind.Rebuild, projection.Name)));
        }

        foreach (var subscription in SubscriptionNames())
        {
            var position = positions.GetValueOrDefault(subscription);
            states.Add(new ProjectionState(subscription, "subscription", "async", null, position, highWater, Math.Max(0, highWater - position),
                RunsHere(subscription), Active(active, OperationKind.Rewind, subscription)));
        }

        return states;
    }

    private static Guid? Active(IReadOnlyDictionary<string, Guid> active, OperationKind kind, string name) =>
        active.TryGetValue(ActiveOperation.KeyOf(kind, name), out var id) ? id : null;

    private IEnumerable<string> SubscriptionNames()
    {
        var projections = Projections.All.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Projections.AllShards().Select(s => s.Name.Name).Where(n => !projections.Contains(n)).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The projection's name in a shard's identity (<c>name:All</c>).</summary>
    private static string NameOf(string shardIdentity) => shardIdentity.Split(':')[0];
}
