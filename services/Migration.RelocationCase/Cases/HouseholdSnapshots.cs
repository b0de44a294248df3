using Marten;
using Migration.RelocationCase.Households;

namespace Migration.RelocationCase.Cases;

public static class HouseholdSnapshots
{
    /// <summary>The household as the service's view knows it now, once both its members and residence have arrived.</summary>
    public static async Task<HouseholdSnapshot?> Find(IQuerySession session, Guid householdId, CancellationToken cancellationToken) =>
        await session.LoadAsync<KnownHousehold>(householdId, cancellationToken) is { IsKnown: true } known
            ? new HouseholdSnapshot(known.Id, known.SettlementKato!, known.Oblast!,
                known.Members.Select(m => new CaseMember(m.Iin, m.BirthDate, m.Sex, m.Relationship, m.Employment, m.Occupation)).ToList())
            : null;
}
