using Marten;

namespace Migration.RelocationCase.Vacancies;

/// <summary>
/// The open labour demand for one occupation at one settlement, as the registry computed it in the transaction of its
/// latest vacancy message (exact at that point of the registry's sequence). Newest by <see cref="AsOf"/> wins.
/// </summary>
/// <param name="Id">"{settlement KATO}/{occupation}".</param>
/// <param name="Occupation">As employers named it; the registry groups by it exactly.</param>
public sealed record OpenDemand(string Id, string SettlementKato, string Oblast, string Occupation, int OpenVacancies, int OpenPlaces, DateTimeOffset AsOf)
{
    public static string KeyOf(string settlementKato, string occupation) => $"{settlementKato}/{occupation}";
}

public static class OpenDemands
{
    /// <summary>Records the demand a vacancy message carries, unless a newer message already did.</summary>
    public static async Task Follow(IDocumentSession session, string settlementKato, string oblast, string occupation, int openVacancies, int openPlaces,
        DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var id = OpenDemand.KeyOf(settlementKato, occupation);
        await session.LockView($"demand/{id}", cancellationToken);
        if (await session.LoadAsync<OpenDemand>(id, cancellationToken) is { } known && known.AsOf > asOf) return;
        session.Store(new OpenDemand(id, settlementKato, oblast, occupation, openVacancies, openPlaces, asOf));
    }
}
