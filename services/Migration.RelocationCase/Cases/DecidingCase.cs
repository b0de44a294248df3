using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.ServiceDefaults.Auth;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// A case supervisor who did not prepare the case approves or rejects it. Approval checks eligibility again as of now
/// and takes the household's place in the receiving oblast's quota for the year in the same transaction, so racing
/// approvals never exceed it. A rejection needs a reason; the caseworker can rework and resubmit.
/// </summary>
public static class DecidingCase
{
    public sealed record RejectRequest(string? Reason);

    public static Task<Ok<CaseResponse>> Approve(
        Guid id, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<ServiceLevelTargets> targets,
        CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, async c =>
        {
            var (origin, household, relocated) = await AssessingEligibility.CurrentEligibility(session, c, cancellationToken);
            var approved = CaseDecisions.Approve(c, user.CallerId(), CaseDecisions.Reasons(c, origin, household, relocated), clock.Today(), targets.Value);
            await CaseQuota.Reserve(session, c, approved.QuotaYear, cancellationToken);
            return approved;
        }, cancellationToken);

    public static Task<Ok<CaseResponse>> Reject(
        Guid id, RejectRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        IOptions<ServiceLevelTargets> targets, CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock,
            c => Task.FromResult<object>(CaseDecisions.Reject(c, user.CallerId(), CaseSlices.RequireReason(request.Reason), clock.Today(), targets.Value)),
            cancellationToken);
}
