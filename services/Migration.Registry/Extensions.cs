using JasperFx.Events;
using JasperFx.Events.Projections;
using Migration.Registry.Settlements;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;

namespace Migration.Registry;

/// <summary>Marker for the registry service (tests start it by this type).</summary>
public sealed class RegistryService
{
    public const string Name = "registry";
}

public static class Extensions
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(RegistryService.Name, options =>
            {
                // Settlements are streams keyed by their KATO code.
                options.Events.StreamIdentity = StreamIdentity.AsString;
                options.Projections.Add<SettlementProjection>(ProjectionLifecycle.Inline);
            })
            .ForwardIntegrationEvents<RegistryIntegrationEvents>(builder.Services);
        builder.AddMessaging(RegistryService.Name);
        return builder;
    }

    public static WebApplication MapRegistryApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/registry");
        api.MapSettlements();
        return app;
    }
}
