using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// The household withdraws, or the case is cancelled, at any point before the move, with a reason. The other services
/// react to the event: housing is released, unpaid payments are cancelled. An approved case gives its quota back.
/// </summary>
public static class EndingCase
{
    public sealed record Request(string? Reason);

    public static Task<Ok<CaseResponse>> Withdraw(
        Guid id, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        End(id, http, user, session, clock, c => CaseDecisions.Withdraw(c, CaseSlices.RequireReason(request.Reason)), cancellationToken);

    public static Task<Ok<CaseResponse>> Cancel(
        Guid id, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        End(id, http, user, session, clock, c => CaseDecisions.Cancel(c, CaseSlices.RequireReason(request.Reason)), cancellationToken);

    private static Task<Ok<CaseResponse>> End(
        Guid id, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, Func<CaseFile, object> decide,
        CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, async c =>
        {
            var ended = decide(c);
            CaseClaims.Release(session, c);
            if (c.Status == CaseStatus.Approved) await CaseQuota.Release(session, c, cancellationToken);
            return ended;
        }, cancellationToken);
}
