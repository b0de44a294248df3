using Marten;

namespace Migration.ServiceDefaults.Messaging;

public static class EventForwarderExtensions
{
    /// <summary>Forwards the events chosen by <typeparamref name="TMap"/> to the bus through a Marten subscription.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression ForwardIntegrationEvents<TMap>(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten, IServiceCollection services)
        where TMap : class, IIntegrationEventMap, new()
    {
        var map = new TMap();
        services.AddSingleton<IIntegrationEventMap>(map);
        return marten.AddSubscriptionWithServices<EventForwarder>(ServiceLifetime.Singleton, options =>
        {
            options.Name = "integration-event-forwarder";
            foreach (var type in map.EventTypes) options.IncludeType(type);
        });
    }
}
