using JasperFx.Events;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Messaging;
using Published = Migration.Contracts.SubsidyPayment;

namespace Migration.SubsidyPayment.Entitlements;

/// <summary>What other services hear about entitlements: totals per benefit type, never a person's IIN.</summary>
public sealed class EntitlementIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> EventTypes { get; } = [typeof(EntitlementCalculated)];

    public object? ToIntegrationEvent(IEvent domainEvent) => domainEvent.Data switch
    {
        EntitlementCalculated e => new Published.EntitlementCalculated(e.CaseId, e.HouseholdId, e.ApprovedOn, e.MciValue, e.HouseholdSize, e.TotalKzt,
            [.. e.Lines.GroupBy(l => l.Benefit).OrderBy(g => g.Key).Select(g => new Published.EntitlementSummaryLine(g.Key.ToWire(), g.Count(), g.Sum(l => l.AmountKzt)))],
            e.Withheld.Count, domainEvent.Timestamp),
        _ => null,
    };
}
