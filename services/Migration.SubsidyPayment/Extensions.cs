using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;
using Migration.ServiceDefaults.Operations;
using Migration.SubsidyPayment.Budgets;
using Migration.SubsidyPayment.Disbursement;
using Migration.SubsidyPayment.Entitlements;
using Migration.SubsidyPayment.Payments;
using Migration.SubsidyPayment.Recoveries;
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
        builder.AddEventStore(SubsidyPaymentService.Name, options => SubsidyPaymentStore.AddModules(options))
            .ForwardIntegrationEvents<SubsidyPaymentIntegrationEvents>(builder.Services);
        builder.Services.AddTariffSeeding();
        builder.Services.AddDisbursement(builder.Configuration);
        builder.AddMessaging(SubsidyPaymentService.Name, bus => bus.AddEntitlementConsumers().AddCaseConsumers());
        builder.AddOperations();
        return builder;
    }

    public static WebApplication MapSubsidyPaymentApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/payments");
        api.MapTariffs();
        api.MapEntitlements();
        api.MapBudgets();
        api.MapPayments();
        api.MapDisbursement();
        api.MapRecoveries();
        api.MapOperations();
        return app;
    }
}
