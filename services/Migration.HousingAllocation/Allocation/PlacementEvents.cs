namespace Migration.HousingAllocation.Allocation;

public enum PlacementStatus
{
    Requested,
    Waitlisted,
    Reserved,
    Allocated,
    Released,
    Expired,
}

/// <summary>An approved case asks for housing at its destination for a household of <paramref name="Size"/>.</summary>
public sealed record PlacementRequested(Guid CaseId, Guid HouseholdId, string SettlementKato, string Oblast, int Size, DateTimeOffset ApprovedAt);

public sealed record CaseWaitlisted(Guid CaseId, string SettlementKato, int Position);

public sealed record HousingReserved(Guid CaseId, Guid UnitId, string SettlementKato, int Capacity, DateTimeOffset ExpiresAt);

public sealed record ReservationReassigned(Guid CaseId, string SettlementKato, Guid FromUnitId, Guid ToUnitId, int Capacity, string Reason, DateTimeOffset ExpiresAt);

/// <summary>The case let its unit go (or left the waitlist: <paramref name="UnitId"/> null).</summary>
public sealed record ReservationReleased(Guid CaseId, Guid? UnitId, string Reason);

public sealed record ReservationExpired(Guid CaseId, Guid UnitId);

public sealed record HousingAllocated(Guid CaseId, Guid UnitId, Guid HouseholdId);

/// <summary>The available units at a settlement, by capacity, after a change there.</summary>
public sealed record AvailabilityChanged(string SettlementKato, string Oblast, IReadOnlyList<UnitsAvailable> Available);

public sealed record UnitsAvailable(int Capacity, int Count);
