using JasperFx.Events;
using Migration.ServiceDefaults.Messaging;
using Migration.Registry.Settlements;
using Published = Migration.Contracts.Registry;

namespace Migration.Registry;

/// <summary>What the registry tells other services, and in which contract shape.</summary>
public sealed class RegistryIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> EventTypes { get; } = [typeof(Settlements.SettlementCertified)];

    public object? ToIntegrationEvent(IEvent domainEvent) => domainEvent.Data switch
    {
        Settlements.SettlementCertified e => new Published.SettlementCertified(
            e.Kato, e.Name, e.Oblast, e.PotentialClass.ToWire(), e.HasEnvironmentalHazard, e.CertifiedAt),
        _ => null,
    };
}
