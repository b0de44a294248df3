using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.HousingAllocation.Allocation;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Stock;

/// <summary>
/// A housing officer corrects a unit's address, rooms, area, capacity, value or condition (If-Match). A unit held by
/// a case never shrinks below its household; a unit that grows may go at once to a waitlisted case.
/// </summary>
public static class EditingUnit
{
    public sealed record Request(string? Address, int? Rooms, decimal? FloorArea, int? Capacity, decimal? AppraisedValue, string? Condition);

    public const string TooSmallForHolder = "unit.too-small-for-holder";

    public static async Task<Results<Ok<HousingUnit>, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IOptions<HousingSettings> settings, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var details = UnitForm.Details(request.Address, request.Rooms, request.FloorArea, request.Capacity, request.AppraisedValue, request.Condition, errors);
        if (details is null) return errors.ToProblem();
        return TypedResults.Ok(await UnitSlices.Change(id, http, user, session, clock, settings, versionRequired: true, (desk, unit) =>
        {
            if (unit.CaseId is { } holder && desk.Active(holder) is { } placement && placement.Size > details.Capacity)
                throw ProblemException.Conflict(TooSmallForHolder,
                    $"The unit is held by a household of {placement.Size}; reassign the reservation before reducing its capacity to {details.Capacity}.");
            desk.Edit(unit, details);
        }, cancellationToken));
    }
}
