using Marten;

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
        bus.AddConsumer<EntitlementCalculatedConsumer>();
        bus.AddConsumer<PaymentVerifiedConsumer>();
        bus.AddConsumer<PaymentApprovedConsumer>();
        bus.AddConsumer<PaymentBatchedConsumer>();
        bus.AddConsumer<PaymentPaidConsumer>();
        bus.AddConsumer<PaymentReturnedConsumer>();
        bus.AddConsumer<PaymentCancelledConsumer>();
        bus.AddConsumer<PaymentReversedConsumer>();
        bus.AddConsumer<CasePaymentsSettledConsumer>();
    }

    public static IServiceCollection AddCaseServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ServiceLevelTargets>(configuration.GetSection(ServiceLevelTargets.Section));
        return services;
    }
}
