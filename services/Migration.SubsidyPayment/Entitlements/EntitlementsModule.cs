using Marten;
using MassTransit;
using Migration.ServiceDefaults.Auth;

namespace Migration.SubsidyPayment.Entitlements;

public static class EntitlementsModule
{
    private static readonly string[] Readers = [.. FinanceRoles.Readers, Roles.Caseworker];

    public static StoreOptions AddEntitlements(this StoreOptions options)
    {
        options.Projections.Add<EntitlementProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<Entitlement>().Index(e => e.HouseholdId);
        options.Schema.For<OneOffBenefitClaim>();
        return options;
    }

    public static IBusRegistrationConfigurator AddEntitlementConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CaseApprovedConsumer>();
        return bus;
    }

    public static RouteGroupBuilder MapEntitlements(this RouteGroupBuilder api)
    {
        api.MapGet("/entitlements/{caseId:guid}", GettingEntitlement.Handle).RequireRoles(Readers).WithTags("Entitlements")
            .WithName("GetEntitlement").WithSummary("A case's entitlements: lines with formulas, MCI value and household size, instalments, cap");
        api.MapPost("/entitlements/{caseId:guid}/housing-certificate", RequestingHousingCertificate.Handle).RequireRoles(Roles.FinanceOfficer, Roles.Admin)
            .WithTags("Entitlements").WithName("RequestHousingCertificate")
            .WithSummary("Grant the housing certificate the household asked for, from the declared price and the appraised value (If-Match required)");
        api.MapGet("/households/{householdId:guid}/ledger", HouseholdLedger.Handle).RequireRoles(Readers).WithTags("Entitlements")
            .WithName("HouseholdLedger").WithSummary("A household's entitled, approved, paid, returned and recovered amounts per benefit type");
        return api;
    }
}
