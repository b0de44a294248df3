using Migration.ServiceDefaults.Auth;

namespace Migration.HousingAllocation.Stock;

public static class StockEndpoints
{
    public static readonly string[] Officers = [Roles.HousingOfficer, Roles.Admin];

    public static RouteGroupBuilder MapStock(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Housing stock");
        units.MapPost("/", RegisteringUnit.Handle).RequireRoles(Officers).WithName("RegisterHousingUnit")
            .WithSummary("Register a house, flat or dormitory room at a settlement that receives migrants");
        units.MapGet("/", ListingUnits.List).RequireRoles(Roles.Staff).WithName("ListHousingUnits")
            .WithSummary("Units by settlement, status and minimum capacity, paged, in your oblast");
        units.MapGet("/{id:guid}", ListingUnits.Get).RequireRoles(Roles.Staff).WithName("GetHousingUnit").WithSummary("A unit, with its ETag");
        units.MapPut("/{id:guid}", EditingUnit.Handle).RequireRoles(Officers).WithName("EditHousingUnit")
            .WithSummary("Correct a unit's address, rooms, area, capacity, value or condition (If-Match required)");
        units.MapPost("/{id:guid}/out-of-service", ServicingUnit.TakeOut).RequireRoles(Officers).WithName("TakeHousingUnitOutOfService")
            .WithSummary("Take an available unit out of service, with a reason");
        units.MapPost("/{id:guid}/back-in-service", ServicingUnit.BringBack).RequireRoles(Officers).WithName("BringHousingUnitBackInService")
            .WithSummary("Bring a unit back into service; it goes to the first waitlisted case it fits");
        api.MapGet("/statistics", StockStatistics.Handle).RequireRoles(Roles.Staff).WithTags("Housing stock").WithName("HousingStockStatistics")
            .WithSummary("Units available, reserved, occupied and out of service per settlement and capacity");
        return api;
    }
}
