using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Migration.HousingAllocation.Allocation;

/// <summary>
/// The housing of one approved case (its stream id is the case id): waiting at its destination, holding a reserved unit
/// until an expiry, allocated when the move is confirmed, or released or expired.
/// </summary>
public sealed record Placement(
    Guid Id,
    Guid HouseholdId,
    string SettlementKato,
    string Oblast,
    int Size,
    DateTimeOffset ApprovedAt,
    PlacementStatus Status)
{
    public long Version { get; init; }

    public Guid? UnitId { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Whether the case holds a unit or waits for one at its destination.</summary>
    public bool IsActive => Status is PlacementStatus.Waitlisted or PlacementStatus.Reserved;
}

public partial class PlacementProjection : SingleStreamProjection<Placement, Guid>
{
    public Placement Create(IEvent<PlacementRequested> e) =>
        new(e.Data.CaseId, e.Data.HouseholdId, e.Data.SettlementKato, e.Data.Oblast, e.Data.Size, e.Data.ApprovedAt, PlacementStatus.Requested) { UpdatedAt = e.Timestamp };

    public Placement Apply(IEvent<CaseWaitlisted> e, Placement p) => p with { Status = PlacementStatus.Waitlisted, UnitId = null, ExpiresAt = null, UpdatedAt = e.Timestamp };

    public Placement Apply(IEvent<HousingReserved> e, Placement p) =>
        p with { Status = PlacementStatus.Reserved, UnitId = e.Data.UnitId, ExpiresAt = e.Data.ExpiresAt, UpdatedAt = e.Timestamp };

    public Placement Apply(IEvent<ReservationReassigned> e, Placement p) =>
        p with { UnitId = e.Data.ToUnitId, ExpiresAt = e.Data.ExpiresAt, Reason = e.Data.Reason, UpdatedAt = e.Timestamp };

    public Placement Apply(IEvent<ReservationReleased> e, Placement p) =>
        p with { Status = PlacementStatus.Released, Reason = e.Data.Reason, ExpiresAt = null, UpdatedAt = e.Timestamp };

    public Placement Apply(IEvent<ReservationExpired> e, Placement p) => p with { Status = PlacementStatus.Expired, ExpiresAt = null, UpdatedAt = e.Timestamp };

    public Placement Apply(IEvent<HousingAllocated> e, Placement p) => p with { Status = PlacementStatus.Allocated, ExpiresAt = null, UpdatedAt = e.Timestamp };
}
