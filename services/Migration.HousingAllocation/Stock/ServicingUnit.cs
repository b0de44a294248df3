using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.HousingAllocation.Allocation;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Stock;

/// <summary>
/// A housing officer takes an available unit out of service (repairs, damage) with a reason, and brings it back; a
/// unit back in service goes at once to the first waitlisted case it fits. If-Match is honoured when sent.
/// </summary>
public static class ServicingUnit
{
    public sealed record Request(string? Reason);

    public const string NotAvailable = "unit.not-available";
    public const string NotOutOfService = "unit.not-out-of-service";

    public static async Task<Ok<HousingUnit>> TakeOut(
        Guid id, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IOptions<HousingSettings> settings, CancellationToken cancellationToken)
    {
        var reason = UnitSlices.RequireReason(request.Reason);
        return TypedResults.Ok(await UnitSlices.Change(id, http, user, session, clock, settings, versionRequired: false, (desk, unit) =>
        {
            if (unit.Status != UnitStatus.Available)
                throw ProblemException.Conflict(NotAvailable, $"Only an available unit can be taken out of service; this one is {unit.Status}. Reassign its reservation first.");
            desk.TakeOutOfService(unit, reason);
        }, cancellationToken));
    }

    public static async Task<Ok<HousingUnit>> BringBack(
        Guid id, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IOptions<HousingSettings> settings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await UnitSlices.Change(id, http, user, session, clock, settings, versionRequired: false, (desk, unit) =>
        {
            if (unit.Status != UnitStatus.OutOfService)
                throw ProblemException.Conflict(NotOutOfService, "The unit is not out of service.");
            desk.BringBackInService(unit);
        }, cancellationToken));
}
