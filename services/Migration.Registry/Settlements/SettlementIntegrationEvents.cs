using JasperFx.Events;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Messaging;
using Published = Migration.Contracts.Registry;

namespace Migration.Registry.Settlements;

/// <summary>What other services hear about settlements: the full state at every certification, and reclassifications.</summary>
public sealed class SettlementIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> EventTypes { get; } =
        [typeof(SettlementCertified), typeof(SettlementRecertified), typeof(SettlementPotentialOverridden), typeof(SettlementPotentialReclassified)];

    public object? ToIntegrationEvent(IEvent domainEvent) => domainEvent.Data switch
    {
        SettlementCertified e => Certified(e.Certification),
        SettlementRecertified e => Certified(e.Certification),
        SettlementPotentialReclassified e => new Published.SettlementPotentialReclassified(e.Kato, e.Previous.ToWire(), e.Current.ToWire(), e.Reason, e.At),
        _ => null,
    };

    private static Published.SettlementCertified Certified(Certification c) => new(
        c.Kato, c.NameRu, c.NameKk, c.Oblast, c.District, c.ClimateZone?.ToWire(), c.EffectiveClass.ToWire(), c.Potential.Score,
        c.Hazards.Count > 0, c.Hazards.Select(h => new Published.SettlementHazard(h.Type.ToWire(), h.Severity.ToWire())).ToList(),
        c.Indicators?.Population, c.Indicators?.Households, c.CertifiedAt);
}
