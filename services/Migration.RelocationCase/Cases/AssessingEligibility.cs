using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.RelocationCase.Settlements;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// A caseworker assesses eligibility from what the service knows now: the origin's potential and hazards, where the
/// household is registered, and whether anyone in it was relocated before. An ineligible case can be closed with its reasons.
/// </summary>
public static class AssessingEligibility
{
    public sealed record CloseRequest(string? Reason);

    public static Task<Ok<CaseResponse>> Assess(
        Guid id, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<ServiceLevelTargets> targets,
        CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, async c =>
        {
            var reasons = await CurrentEligibility(session, c, cancellationToken);
            return CaseDecisions.Assess(c, reasons.Origin, reasons.Household, reasons.Relocated, clock.Today(), targets.Value);
        }, cancellationToken);

    public static Task<Ok<CaseResponse>> CloseIneligible(
        Guid id, CloseRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, c =>
        {
            var closed = CaseDecisions.CloseIneligible(c, CaseSlices.RequireReason(request.Reason));
            CaseClaims.Release(session, c);
            return Task.FromResult<object>(closed);
        }, cancellationToken);

    /// <summary>Everything eligibility depends on, read from the service's own views.</summary>
    public static async Task<(KnownSettlement? Origin, HouseholdSnapshot? Household, IReadOnlyCollection<string> Relocated)> CurrentEligibility(
        IQuerySession session, CaseFile c, CancellationToken cancellationToken)
    {
        var origin = await session.LoadAsync<KnownSettlement>(c.OriginKato, cancellationToken);
        var household = await HouseholdSnapshots.Find(session, c.HouseholdId, cancellationToken);
        var relocated = await session.LoadManyAsync<RelocatedPerson>(cancellationToken, c.Members.Select(m => m.Iin).ToArray());
        return (origin, household, relocated.Select(r => r.Id).ToList());
    }
}
