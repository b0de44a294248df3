using JasperFx.Events;
using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Stock;
using Migration.ServiceDefaults.Messaging;
using Published = Migration.Contracts.HousingAllocation;

namespace Migration.HousingAllocation;

/// <summary>What other services hear about housing; each domain event carries what its contract needs.</summary>
public sealed class HousingIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> EventTypes { get; } =
    [
        typeof(HousingReserved), typeof(ReservationReassigned), typeof(CaseWaitlisted), typeof(ReservationReleased), typeof(ReservationExpired),
        typeof(HousingAllocated), typeof(UnitStockChanged), typeof(AvailabilityChanged),
    ];

    public object? ToIntegrationEvent(IEvent domainEvent) => domainEvent.Data switch
    {
        HousingReserved e => new Published.HousingReserved(e.CaseId, e.UnitId, e.SettlementKato, e.Capacity, e.ExpiresAt, domainEvent.Timestamp, domainEvent.Version),
        ReservationReassigned e => new Published.HousingReserved(e.CaseId, e.ToUnitId, e.SettlementKato, e.Capacity, e.ExpiresAt, domainEvent.Timestamp, domainEvent.Version),
        CaseWaitlisted e => new Published.CaseWaitlisted(e.CaseId, e.SettlementKato, e.Position, domainEvent.Timestamp, domainEvent.Version),
        ReservationReleased e => new Published.ReservationReleased(e.CaseId, e.UnitId, e.Reason, domainEvent.Timestamp, domainEvent.Version),
        ReservationExpired e => new Published.ReservationExpired(e.CaseId, e.UnitId, domainEvent.Timestamp, domainEvent.Version),
        HousingAllocated e => new Published.HousingAllocated(e.CaseId, e.UnitId, e.HouseholdId, domainEvent.Timestamp, domainEvent.Version),
        UnitStockChanged e => new Published.HousingStockChanged(e.UnitId, e.SettlementKato, e.Oblast, e.Type, e.Capacity, e.AppraisedValue, e.Status,
            e.Change, domainEvent.Timestamp),
        AvailabilityChanged e => new Published.HousingAvailabilityChanged(e.SettlementKato, e.Oblast,
            e.Available.Select(a => new Published.AvailableUnits(a.Capacity, a.Count)).ToList(), domainEvent.Timestamp),
        _ => null,
    };
}
