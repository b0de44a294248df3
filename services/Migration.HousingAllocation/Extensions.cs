using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Destinations;
using Migration.HousingAllocation.Importing;
using Migration.HousingAllocation.Stock;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;
using Migration.ServiceDefaults.Operations;

namespace Migration.HousingAllocation;

/// <summary>Marker for the housing-allocation service (tests start it by this type).</summary>
public sealed class HousingService
{
    public const string Name = "housing-allocation";
}

public static class Extensions
{
    public static WebApplicationBuilder AddHousingAllocation(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(HousingService.Name, options => options.AddHousing())
            .ForwardIntegrationEvents<HousingIntegrationEvents>(builder.Services);
        builder.Services.Configure<HousingSettings>(builder.Configuration.GetSection(HousingSettings.Section));
        builder.Services.AddSingleton<ReservationExpiry>();
        builder.Services.AddHostedService<ReservationExpiryTimer>();
        builder.Services.AddImportWorker();
        builder.AddMessaging(HousingService.Name, bus =>
        {
            bus.AddConsumer<SettlementCertifiedConsumer>();
            bus.AddConsumer<SettlementReclassifiedConsumer>();
            bus.AddConsumer<CaseApprovedConsumer>();
            bus.AddConsumer<CaseWithdrawnConsumer>();
            bus.AddConsumer<CaseCancelledConsumer>();
            bus.AddConsumer<MoveConfirmedConsumer>();
        });
        builder.AddOperations();
        return builder;
    }

    public static WebApplication MapHousingApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/housing");
        api.MapDestinations();
        api.MapStock();
        api.MapAllocation();
        api.MapImports();
        api.MapOperations();
        return app;
    }
}
