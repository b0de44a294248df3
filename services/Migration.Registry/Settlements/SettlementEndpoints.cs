using Migration.ServiceDefaults.Auth;

namespace Migration.Registry.Settlements;

public static class SettlementEndpoints
{
    public static RouteGroupBuilder MapSettlements(this RouteGroupBuilder api)
    {
        var settlements = api.MapGroup("/settlements").WithTags("Settlements");
        settlements.MapPost("/", CertifyingSettlement.Handle)
            .RequireRoles(Roles.RegistryClerk, Roles.Admin)
            .WithName("CertifySettlement")
            .WithSummary("Certify a rural settlement");
        settlements.MapGet("/{kato}", GettingSettlement.Handle)
            .RequireRoles(Roles.Staff)
            .WithName("GetSettlement")
            .WithSummary("Read a certified settlement by its KATO code");
        return api;
    }
}
