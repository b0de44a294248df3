using Marten;
using Migration.Registry.Settlements;

namespace Migration.Registry.Importing;

/// <summary>
/// The oblasts of the certified settlements a job has met, fetched a batch at a time for the codes not met before.
/// Bounded by the number of settlements; a settlement not (yet) certified is asked for again in a later batch.
/// </summary>
public sealed class SettlementCache
{
    private readonly Dictionary<string, string> _oblasts = new(StringComparer.Ordinal);

    public async Task Load(IQuerySession session, IEnumerable<string> katos, CancellationToken cancellationToken)
    {
        var wanted = katos.Where(k => !_oblasts.ContainsKey(k)).Distinct().ToArray();
        if (wanted.Length == 0) return;
        foreach (var settlement in await session.LoadManyAsync<Settlement>(cancellationToken, wanted)) _oblasts[settlement.Id] = settlement.Oblast;
    }

    /// <summary>The oblast of a certified settlement; null when it is not certified.</summary>
    public string? OblastOf(string kato) => _oblasts.GetValueOrDefault(kato);
}
