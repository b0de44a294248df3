namespace Migration.HousingAllocation.Stock;

public enum UnitType
{
    House,
    Flat,
    DormitoryRoom,
}

public enum UnitCondition
{
    New,
    Good,
    NeedsRepair,
}

public enum UnitStatus
{
    Available,
    Reserved,
    Occupied,
    OutOfService,
}

/// <summary>What a housing officer records about a unit, and may later correct.</summary>
public sealed record UnitDetails(string Address, int Rooms, decimal FloorArea, int Capacity, decimal AppraisedValue, UnitCondition Condition);

public sealed record UnitRegistered(Guid UnitId, string SettlementKato, string Oblast, UnitType Type, UnitDetails Details);

public sealed record UnitEdited(Guid UnitId, UnitDetails Details);

public sealed record UnitTakenOutOfService(Guid UnitId, string Reason);

public sealed record UnitBackInService(Guid UnitId);

public sealed record UnitReserved(Guid UnitId, Guid CaseId, DateTimeOffset ExpiresAt);

/// <summary>The case holding the unit let it go (withdrawn, cancelled, expired or reassigned).</summary>
public sealed record UnitFreed(Guid UnitId, Guid CaseId, string Reason);

public sealed record UnitOccupied(Guid UnitId, Guid CaseId, Guid HouseholdId);

/// <summary>The unit's state after the changes of one transaction, for other services (the projection ignores it).</summary>
public sealed record UnitStockChanged(
    Guid UnitId, string SettlementKato, string Oblast, string Type, int Capacity, decimal AppraisedValue, string Status, string Change);
