using Marten;

namespace Migration.Registry.Kato;

/// <summary>Looks codes up in the current (newest loaded) edition of the classifier.</summary>
public static class KatoClassifier
{
    public sealed record Place(KatoEntry Settlement, KatoEntry? RuralOkrug, KatoEntry? District);

    public static async Task<KatoEdition?> CurrentEdition(this IQuerySession session, CancellationToken cancellationToken) =>
        await session.Query<KatoEdition>().OrderByDescending(e => e.PublishedOn).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The settlement with <paramref name="code"/> in <paramref name="edition"/>, with its okrug and district.</summary>
    public static async Task<Place?> FindPlace(this IQuerySession session, string edition, string code, CancellationToken cancellationToken)
    {
        var keys = new[] { code, code[..6] + "000", code[..4] + "00000" }.Select(c => KatoEntry.KeyOf(edition, c)).ToArray();
        var entries = (await session.LoadManyAsync<KatoEntry>(cancellationToken, keys)).ToDictionary(e => e.Code);
        return entries.TryGetValue(code, out var settlement)
            ? new Place(settlement, entries.GetValueOrDefault(code[..6] + "000"), entries.GetValueOrDefault(code[..4] + "00000"))
            : null;
    }
}
