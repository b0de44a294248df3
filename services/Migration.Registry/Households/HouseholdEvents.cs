namespace Migration.Registry.Households;

public sealed record HouseholdRegistered(Guid HouseholdId, string SettlementKato, string Oblast, IReadOnlyList<Person> Members, Contact? Contact);

/// <summary>Membership changes carry the members after the change, so readers never merge partial updates.</summary>
public sealed record HouseholdMemberAdded(Guid HouseholdId, Person Member, IReadOnlyList<Person> MembersAfter);

public sealed record HouseholdMemberRemoved(Guid HouseholdId, string Iin, string Reason, IReadOnlyList<Person> MembersAfter);

public sealed record HouseholdHeadChanged(Guid HouseholdId, string PreviousHeadIin, string NewHeadIin, IReadOnlyList<Person> MembersAfter);

public sealed record HouseholdContactChanged(Guid HouseholdId, Contact Contact);

/// <summary>
/// The household now lives at <see cref="ToKato"/> (a confirmed relocation, or a move the clerk recorded). Version 2:
/// it also records the oblast the household left (<see cref="FromOblast"/>), since oblasts are reorganised and a code
/// read later may name another one. Stored as <c>household_moved_v2</c>; version 1 events are upcast as they are read
/// (<see cref="HouseholdMovedV1"/>).
/// </summary>
public sealed record HouseholdMoved(Guid HouseholdId, string FromKato, string FromOblast, string ToKato, string ToOblast, DateOnly ArrivedOn, Guid? CaseId);
