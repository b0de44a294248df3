using JasperFx.Events;
using JasperFx.Events.Projections;
using Migration.Registry.Households;
using Migration.Registry.Importing;
using Migration.Registry.Kato;
using Migration.Registry.LabourDemand;
using Migration.Registry.Settlements;
using Migration.Registry.Settlements.Scoring;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;
using Migration.ServiceDefaults.Operations;

namespace Migration.Registry;

/// <summary>Marker for the registry service (tests start it by this type).</summary>
public sealed class RegistryService
{
    public const string Name = "registry";
}

/// <summary>Everything the registry publishes, capability by capability.</summary>
public sealed class RegistryIntegrationEvents() : CompositeIntegrationEventMap(new SettlementIntegrationEvents(), new HouseholdIntegrationEvents(), new LabourDemandIntegrationEvents());

public static class Extensions
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(RegistryService.Name, options =>
            {
                // Settlements are streams keyed by their KATO code.
                options.Events.StreamIdentity = StreamIdentity.AsString;
                options.Projections.Add<SettlementProjection>(ProjectionLifecycle.Inline);
                options.Schema.For<Settlement>().Index(s => s.Oblast).Index(s => s.PotentialClass);
                options.Schema.For<KatoEntry>().Index(e => e.Edition);
                options.Schema.For<KatoEdition>();
                options.AddHouseholds();
                options.Schema.For<ScoringModel>();
                options.AddImports();
                options.AddLabourDemand();
            })
            .ForwardIntegrationEvents<RegistryIntegrationEvents>(builder.Services);
        builder.Services.AddHostedService<BundledClassifierLoader>();
        builder.Services.AddImportWorker();
        builder.AddMessaging(RegistryService.Name, bus => bus.AddConsumer<MoveConfirmedConsumer>());
        builder.AddOperations();
        return builder;
    }

    public static WebApplication MapRegistryApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/registry");
        api.MapKatoClassifier();
        api.MapSettlements();
        api.MapHouseholds();
        api.MapScoringModels();
        api.MapImports();
        api.MapLabourDemand();
        api.MapOperations();
        return app;
    }
}
