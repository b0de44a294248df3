using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// The caseworker confirms the household arrived, with the date. The registry moves the household, housing marks the
/// unit occupied, payments may release final instalments; the members become "relocated" in the program. When the
/// payments of the case are already settled, the case closes with the move (<see cref="ClosingOnSettlement"/>).
/// </summary>
public static class ConfirmingMove
{
    public sealed record Request(DateOnly? ArrivedOn);

    public static Task<Ok<CaseResponse>> Handle(
        Guid id, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        CaseSlices.ChangeMany(id, http, user, session, clock, async c =>
        {
            if (request.ArrivedOn is not { } arrivedOn)
                throw new Migration.ServiceDefaults.Problems.ValidationProblemException(
                    new Migration.ServiceDefaults.Problems.ValidationErrors().Add("arrivedOn", "required", "'arrivedOn' is required."));
            var approvedOn = await ApprovedOn(session, c, cancellationToken);
            var moved = CaseDecisions.ConfirmMove(c, arrivedOn, clock.Today(), approvedOn);
            foreach (var member in c.Members) session.Store(new RelocatedPerson(member.Iin, c.Id, arrivedOn));
            // Under the lock of the case's payments: a settlement reported meanwhile either is seen here or sees the move.
            await session.LockView(CasePayments.LockKey(c.Id), cancellationToken);
            var payments = await session.LoadAsync<CasePayments>(c.Id, cancellationToken);
            return ClosingOnSettlement.Closes(CaseStatus.Moved, payments) ? [moved, ClosingOnSettlement.Close(session, c)] : [moved];
        }, cancellationToken);

    private static async Task<DateOnly> ApprovedOn(IQuerySession session, CaseFile c, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(c.Id, token: cancellationToken);
        var approval = events.LastOrDefault(e => e.Data is CaseApproved);
        return DateOnly.FromDateTime((approval?.Timestamp ?? c.UpdatedAt).UtcDateTime);
    }
}
