namespace Migration.Contracts.HousingAllocation;

// Every report about a case's housing carries PlacementVersion: the version of the case's placement in the housing
// service (1, 2, 3 … in the order the housing service decided them). A consumer keeps the report with the highest
// version; the time (At) is when the deciding transaction began, which is not always the order they committed in.
// 0 in reports published before the field existed.

/// <summary>
/// A unit at the case's destination was reserved for the household of an approved case, until <see cref="ExpiresAt"/>
/// (the reservation lapses by itself then, unless the move is confirmed first).
/// </summary>
/// <param name="Capacity">How many persons the unit houses.</param>
public sealed record HousingReserved(Guid CaseId, Guid UnitId, string SettlementKato, int Capacity, DateTimeOffset ExpiresAt, DateTimeOffset At, long PlacementVersion = 0);

/// <summary>No fitting unit was available: the case waits at its destination, at <paramref name="Position"/> (1 = next).</summary>
public sealed record CaseWaitlisted(Guid CaseId, string SettlementKato, int Position, DateTimeOffset At, long PlacementVersion = 0);

/// <summary>
/// The case no longer holds its unit (or its place on the waitlist, then <paramref name="UnitId"/> is null): the case
/// was withdrawn or cancelled, or a housing officer moved the reservation to another unit.
/// </summary>
public sealed record ReservationReleased(Guid CaseId, Guid? UnitId, string Reason, DateTimeOffset At, long PlacementVersion = 0);

/// <summary>The reservation lapsed at its expiry without a confirmed move; the unit went to the waitlist or back to stock.</summary>
public sealed record ReservationExpired(Guid CaseId, Guid UnitId, DateTimeOffset At, long PlacementVersion = 0);

/// <summary>The move was confirmed: the reserved unit is allocated to the household and occupied.</summary>
public sealed record HousingAllocated(Guid CaseId, Guid UnitId, Guid HouseholdId, DateTimeOffset At, long PlacementVersion = 0);
