using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// The caseworker confirms the household arrived, with the date. The registry moves the household, housing marks the
/// unit occupied, payments may release final instalments; the members become "relocated" in the program.
/// </summary>
public static class ConfirmingMove
{
    public sealed record Request(DateOnly? ArrivedOn);

    public static Task<Ok<CaseResponse>> Handle(
        Guid id, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, async c =>
        {
            if (request.ArrivedOn is not { } arrivedOn)
                throw new Migration.ServiceDefaults.Problems.ValidationProblemException(
                    new Migration.ServiceDefaults.Problems.ValidationErrors().Add("arrivedOn", "required", "'arrivedOn' is required."));
            var approvedOn = await ApprovedOn(session, c, cancellationToken);
            var moved = CaseDecisions.ConfirmMove(c, arrivedOn, clock.Today(), approvedOn);
            foreach (var member in c.Members) session.Store(new RelocatedPerson(member.Iin, c.Id, arrivedOn));
            return moved;
        }, cancellationToken);

    private static async Task<DateOnly> ApprovedOn(IQuerySession session, CaseFile c, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(c.Id, token: cancellationToken);
        var approval = events.LastOrDefault(e => e.Data is CaseApproved);
        return DateOnly.FromDateTime((approval?.Timestamp ?? c.UpdatedAt).UtcDateTime);
    }
}
