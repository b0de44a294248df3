using Marten;
using MassTransit;
using Migration.RelocationCase.Households;
using Migration.RelocationCase.Housing;
using Migration.RelocationCase.Quotas;
using Migration.RelocationCase.Recommendations;
using Migration.RelocationCase.Vacancies;
using Migration.ServiceDefaults.Auth;

namespace Migration.RelocationCase;

/// <summary>
/// What the case service knows of the world, kept from other services' events (households, vacancies, housing; the
/// settlements are in <c>Settlements/</c>), the yearly quotas of receiving oblasts, and the destination recommendations
/// made from them.
/// </summary>
public static class RelocationViewsModule
{
    public static StoreOptions AddRelocationViews(this StoreOptions options)
    {
        options.Schema.For<KnownHousehold>();
        options.Schema.For<KnownPerson>().Index(p => p.HouseholdId);
        options.Schema.For<OpenDemand>().Index(d => d.SettlementKato);
        options.Schema.For<HousingAvailability>();
        options.Schema.For<OblastQuota>().Index(q => q.Year);
        return options;
    }

    public static IBusRegistrationConfigurator AddRelocationViewConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<HouseholdRegisteredConsumer>();
        bus.AddConsumer<HouseholdMembershipChangedConsumer>();
        bus.AddConsumer<HouseholdMovedConsumer>();
        bus.AddConsumer<VacancyDeclaredConsumer>();
        bus.AddConsumer<VacancyChangedConsumer>();
        bus.AddConsumer<VacancyClosedConsumer>();
        bus.AddConsumer<HousingAvailabilityChangedConsumer>();
        return bus;
    }

    public static RouteGroupBuilder MapRelocationViews(this RouteGroupBuilder api)
    {
        // A configuration that makes no sense stops the service here, at start-up, not at the first request.
        RecommendationSettings.From(((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IConfiguration>());

        var quotas = api.MapGroup("/quotas").WithTags("Quotas");
        quotas.MapPut("/{oblast}/{year:int}", SettingQuota.Handle).RequireRoles(Roles.Admin)
            .WithName("SetQuota").WithSummary("Set a receiving oblast's quota of households and/or people for a year");
        quotas.MapGet("/", ListingQuotas.Handle).RequireRoles(Roles.Staff)
            .WithName("ListQuotas").WithSummary("The quotas of a year (default: the current one) with their use");

        api.MapGet("/recommendations", RecommendingDestinations.Handle).RequireRoles(RecommendingDestinations.Readers)
            .WithTags("Recommendations").WithName("RecommendDestinations")
            .WithSummary("Destinations for a household, ranked, each score explained factor by factor");
        return api;
    }
}
