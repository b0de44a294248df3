using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;
using Migration.SubsidyPayment.Entitlements;
using Migration.SubsidyPayment.Tariffs;

namespace Migration.SubsidyPayment;

/// <summary>Marker for the subsidy-payment service (tests start it by this type).</summary>
public sealed class SubsidyPaymentService
{
    public const string Name = "subsidy-payment";
}

public static class Extensions
{
    public static WebApplicationBuilder AddSubsidyPayment(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(SubsidyPaymentService.Name, options =>
            {
                options.AddTariffs();
                options.AddEntitlements();
            })
            .ForwardIntegrationEvents<EntitlementIntegrationEvents>(builder.Services);
        builder.Services.AddTariffSeeding();
        builder.AddMessaging(SubsidyPaymentService.Name, bus => bus.AddEntitlementConsumers());
        return builder;
    }

    public static WebApplication MapSubsidyPaymentApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/payments");
        api.MapTariffs();
        api.MapEntitlements();
        return app;
    }
}
