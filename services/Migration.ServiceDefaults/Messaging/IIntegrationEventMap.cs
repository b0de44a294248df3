using JasperFx.Events;

namespace Migration.ServiceDefaults.Messaging;

/// <summary>
/// A service's choice of which of its domain events other services hear about, and in what shape (a contract record).
/// </summary>
public interface IIntegrationEventMap
{
    /// <summary>The event types the forwarder subscribes to.</summary>
    IReadOnlyCollection<Type> EventTypes { get; }

    /// <summary>The integration event to publish for <paramref name="domainEvent"/>, or null to publish nothing.</summary>
    object? ToIntegrationEvent(IEvent domainEvent);
}
