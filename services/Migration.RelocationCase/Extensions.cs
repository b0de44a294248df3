using Migration.RelocationCase.Cases;
using Migration.RelocationCase.Settlements;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;
using Migration.ServiceDefaults.Operations;

namespace Migration.RelocationCase;

/// <summary>Marker for the relocation-case service (tests start it by this type).</summary>
public sealed class RelocationCaseService
{
    public const string Name = "relocation-case";
}

public static class Extensions
{
    public static WebApplicationBuilder AddRelocationCase(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(RelocationCaseService.Name, options =>
            {
                options.Schema.For<KnownSettlement>().Index(s => s.Oblast);
                options.AddCases();
                options.AddRelocationViews();
            })
            .ForwardIntegrationEvents<CaseIntegrationEvents>(builder.Services);
        builder.Services.AddCaseServices(builder.Configuration);
        builder.AddMessaging(RelocationCaseService.Name, bus =>
        {
            bus.AddConsumer<SettlementCertifiedConsumer>();
            bus.AddConsumer<SettlementReclassifiedConsumer>();
            bus.AddRelocationViewConsumers();
            bus.AddCaseConsumers();
        });
        builder.AddOperations();
        return builder;
    }

    public static WebApplication MapRelocationCaseApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/cases");
        api.MapKnownSettlements();
        api.MapRelocationViews();
        api.MapCases();
        api.MapOperations();
        return app;
    }
}
