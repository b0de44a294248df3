using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.RelocationCase.Settlements;

namespace Migration.RelocationCase.Cases;

/// <summary>The caseworker picks a destination with the household (not necessarily the first recommended) and records why.</summary>
public static class ChoosingDestination
{
    public sealed record Request(string? DestinationKato, string? Reason, int? RecommendedRank, decimal? RecommendedScore);

    public static Task<Ok<CaseResponse>> Handle(
        Guid id, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, async c =>
        {
            var reason = CaseSlices.RequireReason(request.Reason);
            var destination = request.DestinationKato is null ? null : await session.LoadAsync<KnownSettlement>(request.DestinationKato, cancellationToken);
            return CaseDecisions.ChooseDestination(c, destination, reason, request.RecommendedRank, request.RecommendedScore);
        }, cancellationToken);
}
