using JasperFx.Events;

namespace Migration.ServiceDefaults.Messaging;

/// <summary>A service's whole map: the union of what each of its capabilities publishes.</summary>
public class CompositeIntegrationEventMap(params IIntegrationEventMap[] maps) : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> EventTypes { get; } = maps.SelectMany(m => m.EventTypes).Distinct().ToList();

    public object? ToIntegrationEvent(IEvent domainEvent) =>
        maps.Select(m => m.ToIntegrationEvent(domainEvent)).FirstOrDefault(message => message is not null);
}
