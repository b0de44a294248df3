using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Migration.HousingAllocation.Stock;

/// <summary>A state-built house, flat or dormitory room at a destination settlement, and who holds it.</summary>
public sealed record HousingUnit(
    Guid Id,
    string SettlementKato,
    string Oblast,
    UnitType Type,
    UnitDetails Details,
    UnitStatus Status,
    DateTimeOffset RegisteredAt)
{
    /// <summary>The stream version, kept by Marten; sent as the ETag.</summary>
    public long Version { get; init; }

    public int Capacity => Details.Capacity;

    public decimal AppraisedValue => Details.AppraisedValue;

    /// <summary>The case that holds the unit (reserved or occupied).</summary>
    public Guid? CaseId { get; init; }

    public DateTimeOffset? ReservedUntil { get; init; }

    public string? OutOfServiceReason { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

public partial class HousingUnitProjection : SingleStreamProjection<HousingUnit, Guid>
{
    public HousingUnit Create(IEvent<UnitRegistered> e) =>
        new(e.Data.UnitId, e.Data.SettlementKato, e.Data.Oblast, e.Data.Type, e.Data.Details, UnitStatus.Available, e.Timestamp) { UpdatedAt = e.Timestamp };

    public HousingUnit Apply(IEvent<UnitEdited> e, HousingUnit u) => u with { Details = e.Data.Details, UpdatedAt = e.Timestamp };

    public HousingUnit Apply(IEvent<UnitTakenOutOfService> e, HousingUnit u) =>
        u with { Status = UnitStatus.OutOfService, OutOfServiceReason = e.Data.Reason, UpdatedAt = e.Timestamp };

    public HousingUnit Apply(IEvent<UnitBackInService> e, HousingUnit u) =>
        u with { Status = UnitStatus.Available, OutOfServiceReason = null, UpdatedAt = e.Timestamp };

    public HousingUnit Apply(IEvent<UnitReserved> e, HousingUnit u) =>
        u with { Status = UnitStatus.Reserved, CaseId = e.Data.CaseId, ReservedUntil = e.Data.ExpiresAt, UpdatedAt = e.Timestamp };

    public HousingUnit Apply(IEvent<UnitFreed> e, HousingUnit u) =>
        u with { Status = UnitStatus.Available, CaseId = null, ReservedUntil = null, UpdatedAt = e.Timestamp };

    public HousingUnit Apply(IEvent<UnitOccupied> e, HousingUnit u) =>
        u with { Status = UnitStatus.Occupied, CaseId = e.Data.CaseId, ReservedUntil = null, UpdatedAt = e.Timestamp };
}
