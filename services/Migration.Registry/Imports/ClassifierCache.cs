using Marten;
using Migration.Identifiers;
using Migration.Registry.Kato;
using Migration.ServiceDefaults.Importing;

namespace Migration.Registry.Importing;

/// <summary>
/// The current classifier edition's entries a job has looked up, fetched a batch at a time: a national file asks the
/// database once per batch for the codes it has not seen yet. Bounded by the size of the classifier.
/// </summary>
public sealed class ClassifierCache
{
    private readonly Dictionary<string, KatoEntry?> _entries = new(StringComparer.Ordinal);

    private ClassifierCache(string edition) => Edition = edition;

    public string Edition { get; }

    public static async Task<ClassifierCache> Open(IQuerySession session, CancellationToken cancellationToken) =>
        new((await session.CurrentEdition(cancellationToken) ?? throw new ImportFailedException("No edition of the KATO classifier is loaded yet.")).Id);

    /// <summary>Fetches the settlements, okrugs and districts of <paramref name="codes"/> not fetched before.</summary>
    public async Task Load(IQuerySession session, IEnumerable<KatoCode> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.SelectMany(k => new[] { k.Value, k.RuralOkrug, k.District }).Where(c => !_entries.ContainsKey(c)).Distinct().ToList();
        if (wanted.Count == 0) return;
        var found = await session.LoadManyAsync<KatoEntry>(cancellationToken, wanted.Select(c => KatoEntry.KeyOf(Edition, c)).ToArray());
        foreach (var code in wanted) _entries[code] = null;
        foreach (var entry in found) _entries[entry.Code] = entry;
    }

    /// <summary>The place of a loaded code, as <see cref="KatoClassifier.FindPlace"/> gives it; null when the edition has no such settlement.</summary>
    public KatoClassifier.Place? Find(KatoCode kato) =>
        _entries.GetValueOrDefault(kato.Value) is { } settlement
            ? new KatoClassifier.Place(settlement, _entries.GetValueOrDefault(kato.RuralOkrug), _entries.GetValueOrDefault(kato.District))
            : null;
}
