using Migration.ServiceDefaults.Auth;

namespace Migration.Registry.Settlements;

public static class SettlementEndpoints
{
    private static readonly string[] Clerks = [Roles.RegistryClerk, Roles.Admin];

    public static RouteGroupBuilder MapSettlements(this RouteGroupBuilder api)
    {
        var settlements = api.MapGroup("/settlements").WithTags("Settlements");
        settlements.MapPost("/", CertifyingSettlement.Handle).RequireRoles(Clerks)
            .WithName("CertifySettlement").WithSummary("Certify a rural settlement: its passport, scored by the model in force");
        settlements.MapGet("/", ListingSettlements.Handle).RequireRoles(Roles.Staff)
            .WithName("ListSettlements").WithSummary("Certified settlements by oblast, district, potential class and hazard, paged");
        settlements.MapGet("/statistics", SettlementStatistics.Handle).RequireRoles(Roles.Staff)
            .WithName("SettlementStatistics").WithSummary("Settlements and people per oblast and potential class");
        settlements.MapGet("/{kato}", GettingSettlement.Handle).RequireRoles(Roles.Staff)
            .WithName("GetSettlement").WithSummary("Read a certified settlement by its KATO code");
        settlements.MapGet("/{kato}/certifications", SettlementHistory.Handle).RequireRoles(Roles.Staff)
            .WithName("SettlementHistory").WithSummary("Every certification, override and reclassification of a settlement");
        settlements.MapPost("/{kato}/certifications", RecertifyingSettlement.Handle).RequireRoles(Clerks)
            .WithName("RecertifySettlement").WithSummary("Recertify a settlement with newer indicators (If-Match required)");
        settlements.MapPost("/{kato}/potential-override", OverridingPotential.Handle).RequireRoles(Clerks)
            .WithName("OverridePotential").WithSummary("Set the potential class by hand, with a reason (If-Match required)");
        return api;
    }
}
