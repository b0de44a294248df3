using Migration.HousingAllocation.Destinations;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;

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
        builder.AddEventStore(HousingService.Name, options =>
            options.Schema.For<DestinationSettlement>().Index(d => d.Oblast));
        builder.AddMessaging(HousingService.Name, bus =>
        {
            bus.AddConsumer<SettlementCertifiedConsumer>();
            bus.AddConsumer<SettlementReclassifiedConsumer>();
        });
        return builder;
    }

    public static WebApplication MapHousingApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/housing");
        api.MapDestinations();
        return app;
    }
}
