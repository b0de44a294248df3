using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;

namespace Migration.SubsidyPayment;

/// <summary>Marker for the subsidy-payment service (tests start it by this type).</summary>
public sealed class SubsidyPaymentService
{
    public const string Name = "subsidy-payment";
}

public static class Extensions
{
    /// <summary>The service's event store and bus; its capabilities arrive with the payment slices.</summary>
    public static WebApplicationBuilder AddSubsidyPayment(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(SubsidyPaymentService.Name, _ => { });
        builder.AddMessaging(SubsidyPaymentService.Name);
        return builder;
    }
}
