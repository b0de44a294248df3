using Migration.HousingAllocation.Stock;
using Migration.ServiceDefaults.Auth;

namespace Migration.HousingAllocation.Allocation;

public static class AllocationEndpoints
{
    public static RouteGroupBuilder MapAllocation(this RouteGroupBuilder api)
    {
        var reservations = api.MapGroup("/reservations").WithTags("Reservations");
        reservations.MapGet("/", Reservations.List).RequireRoles(Roles.Staff).WithName("ListHousingReservations")
            .WithSummary("Housing of approved cases by destination and status (waitlisted, reserved, allocated, released, expired), paged");
        reservations.MapGet("/{caseId:guid}", Reservations.Get).RequireRoles(Roles.Staff).WithName("GetHousingReservation")
            .WithSummary("The housing of one case: its unit and expiry, or its place on the waitlist");
        reservations.MapPost("/{caseId:guid}/reassignment", ReassigningReservation.Handle).RequireRoles(StockEndpoints.Officers)
            .WithName("ReassignHousingReservation").WithSummary("Move a reservation to another available unit at the destination, with a reason");
        api.MapGet("/waitlists/{settlementKato}", Reservations.Waitlist).RequireRoles(Roles.Staff).WithTags("Reservations")
            .WithName("GetHousingWaitlist").WithSummary("Cases waiting for housing at a destination, first come (by approval time) first");
        return api;
    }
}
