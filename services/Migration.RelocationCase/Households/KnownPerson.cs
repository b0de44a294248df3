using Marten;

namespace Migration.RelocationCase.Households;

/// <summary>
/// "This person (by IIN) belongs to that household", as of the registry message that said so. Only a view for looking
/// people up; that no person is in two open cases is the case aggregate's rule, not this document's.
/// </summary>
public sealed record KnownPerson(string Id, Guid HouseholdId, DateTimeOffset AsOf);

public static class KnownPeople
{
    /// <summary>
    /// Follows a household's member list from <paramref name="before"/> to <paramref name="after"/> (as of
    /// <paramref name="asOf"/>): members point at the household unless a newer message put them elsewhere, and those who
    /// left stop pointing at it.
    /// </summary>
    public static async Task Follow(IDocumentSession session, Guid householdId, IReadOnlyList<KnownMember> before, IReadOnlyList<KnownMember> after,
        DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var iins = before.Select(m => m.Iin).Union(after.Select(m => m.Iin), StringComparer.Ordinal).ToArray();
        if (iins.Length == 0) return;
        await session.LockViews(iins.Select(iin => $"person/{iin}"), cancellationToken);
        var known = (await session.LoadManyAsync<KnownPerson>(cancellationToken, iins)).ToDictionary(p => p.Id, StringComparer.Ordinal);

        foreach (var member in after)
            if (!known.TryGetValue(member.Iin, out var person) || person.AsOf <= asOf)
                session.Store(new KnownPerson(member.Iin, householdId, asOf));

        var stayed = after.Select(m => m.Iin).ToHashSet(StringComparer.Ordinal);
        foreach (var left in before.Where(m => !stayed.Contains(m.Iin)))
            if (known.TryGetValue(left.Iin, out var person) && person.HouseholdId == householdId && person.AsOf <= asOf)
                session.Delete<KnownPerson>(left.Iin);
    }
}
