using Marten;
using Migration.ServiceDefaults.Messaging;

namespace Migration.RelocationCase.Cases;

public static class CasesModule
{
    public static void AddCases(this StoreOptions options)
    {
        options.Projections.Add<CaseProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<CaseFile>().Index(c => c.Oblast).Index(c => c.Status).Index(c => c.Caseworker).Index(c => c.HouseholdId);
        options.Schema.For<CaseClaim>();
        options.Schema.For<RelocatedPerson>();
        CasePayments.Map(options);
    }

    /// <summary>The case follows its housing and its support through the other services' events.</summary>
    public static void AddCaseConsumers(this MassTransit.IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<HousingReservedConsumer>();
        bus.AddConsumer<CaseWaitlistedConsumer>();
        bus.AddConsumer<ReservationReleasedConsumer>();
        bus.AddConsumer<ReservationExpiredConsumer>();
        bus.AddConsumer<HousingAllocatedConsumer>();
        bus.AddIdempotentBatchConsumer<EntitlementCalculatedConsumer>();
        bus.AddIdempotentBatchConsumer<PaymentVerifiedConsumer>();
        bus.AddIdempotentBatchConsumer<PaymentApprovedConsumer>();
        bus.AddIdempotentBatchConsumer<PaymentBatchedConsumer>();
        bus.AddIdempotentBatchConsumer<PaymentPaidConsumer>();
        bus.AddIdempotentBatchConsumer<PaymentReturnedConsumer>();
        bus.AddIdempotentBatchConsumer<PaymentCancelledConsumer>();
        bus.AddIdempotentBatchConsumer<PaymentReversedConsumer>();
        bus.AddIdempotentBatchConsumer<CasePaymentsSettledConsumer>();
    }

    public static IServiceCollection AddCaseServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServiceLevelTargets>(configuration.GetSection(ServiceLevelTargets.Section));
        return services;
    }
}
