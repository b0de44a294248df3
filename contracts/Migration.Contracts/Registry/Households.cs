namespace Migration.Contracts.Registry;

/// <summary>A member of a household, as other services need to know them (personal data: never log it).</summary>
/// <param name="Iin">The person's 12-digit IIN.</param>
/// <param name="Sex">"male" or "female".</param>
/// <param name="Relationship">head, spouse, child, parent, sibling, grandchild, grandparent or other.</param>
/// <param name="Employment">employed, self-employed, unemployed, student, pensioner, child, homemaker or other.</param>
/// <param name="Disability">none, group1, group2, group3 or child-with-disability.</param>
public sealed record HouseholdMember(
    string Iin,
    string LastName,
    string FirstName,
    string? Patronymic,
    DateOnly BirthDate,
    string Sex,
    string Relationship,
    string Employment,
    string? Occupation,
    string Disability);

/// <summary>A registry clerk registered a household in a certified settlement.</summary>
public sealed record HouseholdRegistered(Guid HouseholdId, string SettlementKato, string Oblast, IReadOnlyList<HouseholdMember> Members, DateTimeOffset RegisteredAt);

/// <summary>
/// A household's membership changed (a member joined or left, or the head changed): its whole member list after the change,
/// and the household's version, so consumers keep the newest.
/// </summary>
/// <param name="Change">member-added, member-removed or head-changed.</param>
public sealed record HouseholdMembershipChanged(Guid HouseholdId, string Change, IReadOnlyList<HouseholdMember> Members, long Version, DateTimeOffset ChangedAt);

/// <summary>The household now lives at another settlement.</summary>
public sealed record HouseholdMoved(Guid HouseholdId, string FromKato, string ToKato, string ToOblast, DateOnly ArrivedOn, Guid? CaseId);
