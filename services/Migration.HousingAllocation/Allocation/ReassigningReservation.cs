using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.HousingAllocation.Stock;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Allocation;

/// <summary>
/// A housing officer moves a case's reservation to another available unit at the same destination that houses the
/// whole household, with a reason. The expiry stays; the freed unit goes to the first waitlisted case it fits.
/// </summary>
public static class ReassigningReservation
{
    public sealed record Request(Guid? UnitId, string? Reason);

    public const string NotReserved = "reservation.not-held";
    public const string OtherSettlement = "unit.other-settlement";
    public const string TooSmall = "unit.too-small";

    public static async Task<Results<Ok<Placement>, ProblemHttpResult>> Handle(
        Guid caseId, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<HousingSettings> settings,
        CancellationToken cancellationToken)
    {
        if (request.UnitId is not { } unitId) return new ValidationErrors().Add("unitId", "required", "'unitId' is required.").ToProblem();
        var reason = UnitSlices.RequireReason(request.Reason);
        var known = (await session.LoadAsync<Placement>(caseId, cancellationToken)).Visible(user, caseId);
        var desk = await DestinationDesk.Open(session, known.SettlementKato, known.Oblast, clock.GetUtcNow(), settings.Value.ReservationPeriod, cancellationToken);
        if (desk.Active(caseId) is not { Status: PlacementStatus.Reserved } placement)
            throw ProblemException.Conflict(NotReserved, $"Case {caseId} holds no reservation (it is {known.Status}).");
        if (desk.Unit(unitId) is not { } target)
            return new ValidationErrors().Add("unitId", OtherSettlement, $"Unit {unitId} is not at the case's destination {known.SettlementKato}.").ToProblem();
        if (target.Status != UnitStatus.Available)
            throw ProblemException.Conflict(ServicingUnit.NotAvailable, $"Unit {unitId} is {target.Status}, not available.");
        if (target.Capacity < placement.Size)
            throw ProblemException.Conflict(TooSmall, $"Unit {unitId} houses {target.Capacity}; the household has {placement.Size}.");

        var moved = desk.Reassign(placement, target, reason);
        desk.Close();
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await session.LoadAsync<Placement>(caseId, cancellationToken)) ?? moved);
    }
}
