namespace Migration.RelocationCase.Households;

/// <summary>A member of a household as the case service needs them: no names (personal data: never log it).</summary>
/// <param name="Sex">"male" or "female".</param>
/// <param name="Relationship">head, spouse, child, parent, sibling, grandchild, grandparent or other.</param>
/// <param name="Employment">employed, self-employed, unemployed, student, pensioner, child, homemaker or other.</param>
/// <param name="Disability">none, group1, group2, group3 or child-with-disability.</param>
public sealed record KnownMember(
    string Iin, DateOnly BirthDate, string Sex, string Relationship, string Employment, string? Occupation, string Disability);

/// <summary>
/// A registered household as caseworkers' decisions see it, fed by the registry's household events. The messages may
/// arrive in any order, so the view keeps its two halves apart: the members with the registry's stream
/// <see cref="Version"/> (0 until a message carrying them arrived; the newest version wins), and the residence, which a
/// move (<see cref="MovedOn"/>) decides over the registration.
/// </summary>
public sealed record KnownHousehold(
    Guid Id,
    string? SettlementKato,
    string? Oblast,
    IReadOnlyList<KnownMember> Members,
    long Version,
    DateTimeOffset? MembersAsOf,
    DateOnly? MovedOn)
{
    /// <summary>Both the members and the residence have arrived: decisions may use the household.</summary>
    public bool IsKnown => Version > 0 && SettlementKato is not null && Oblast is not null;

    public int Size => Members.Count;

    /// <summary>The key of the lock that consumers rewriting this household take first (<see cref="ViewLocks"/>).</summary>
    public static string LockKey(Guid id) => $"household/{id:N}";

    /// <summary>A household of which a change or a move arrived before its registration.</summary>
    public static KnownHousehold Unknown(Guid id) => new(id, null, null, [], 0, null, null);

    /// <summary>The members of working age on <paramref name="day"/>.</summary>
    public IReadOnlyList<KnownMember> WorkingAgeMembers(WorkingAge ages, DateOnly day) => [.. Members.Where(m => ages.Includes(m, day))];

    /// <summary>The occupations of the working-age members who have one, once per member (two drivers: "driver" twice).</summary>
    public IReadOnlyList<string> WorkingAgeOccupations(WorkingAge ages, DateOnly day) =>
        [.. WorkingAgeMembers(ages, day).Select(m => m.Occupation).OfType<string>().Select(Occupations.Normalize).Where(o => o.Length > 0)];

    public static KnownMember ToMember(Migration.Contracts.Registry.HouseholdMember m) =>
        new(m.Iin, m.BirthDate, m.Sex, m.Relationship, m.Employment, m.Occupation, m.Disability);
}

/// <summary>How occupations are compared between household members and vacancies: trimmed, inner spaces made one, case ignored.</summary>
public static class Occupations
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public static string Normalize(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
