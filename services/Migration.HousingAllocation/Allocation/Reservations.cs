using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Allocation;

/// <summary>The housing of a case; placements by settlement and status; a destination's waitlist in order.</summary>
public static class Reservations
{
    public const string NotFound = "reservation.not-found";

    public sealed record WaitlistEntry(int Position, Guid CaseId, Guid HouseholdId, int HouseholdSize, DateTimeOffset ApprovedAt);

    public static async Task<Ok<Placement>> Get(Guid caseId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok((await session.LoadAsync<Placement>(caseId, cancellationToken)).Visible(user, caseId));

    public static Placement Visible(this Placement? placement, ClaimsPrincipal user, Guid caseId) =>
        placement is not null && user.CoversOblast(placement.Oblast)
            ? placement
            : throw ProblemException.NotFound(NotFound, $"No housing is recorded for case {caseId} in your oblast.");

    public static async Task<Results<Ok<Page<Placement>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, IQuerySession session, string? settlementKato, string? status, int? limit, string? continuationToken,
        CancellationToken cancellationToken)
    {
        PlacementStatus? wanted = null;
        if (status is not null)
        {
            if (!WireNames.TryParse<PlacementStatus>(status, out var parsed))
                return new ValidationErrors().Add("status", "status.unknown", $"'status' must be {WireNames.Choices<PlacementStatus>()}.").ToProblem();
            wanted = parsed;
        }

        var take = Paging.Limit(limit);
        var after = Paging.After(continuationToken);
        var query = session.Query<Placement>().AsQueryable();
        var scope = user.FindFirst(ClaimNames.Oblast)?.Value;
        if (scope is not null && scope != Oblasts.All) query = query.Where(p => p.Oblast == scope);
        if (settlementKato is not null) query = query.Where(p => p.SettlementKato == settlementKato);
        if (wanted is { } s) query = query.Where(p => p.Status == s);
        if (after is not null && Guid.TryParse(after, out var last)) query = query.Where(p => p.Id.CompareTo(last) > 0);
        var rows = await query.OrderBy(p => p.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, p => p.Id.ToString(), p => p));
    }

    public static async Task<Ok<IReadOnlyList<WaitlistEntry>>> Waitlist(string settlementKato, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var waiting = await session.Query<Placement>()
            .Where(p => p.SettlementKato == settlementKato && p.Status == PlacementStatus.Waitlisted)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<WaitlistEntry>>(waiting
            .Where(p => user.CoversOblast(p.Oblast))
            .OrderBy(p => p.ApprovedAt).ThenBy(p => p.Id)
            .Select((p, i) => new WaitlistEntry(i + 1, p.Id, p.HouseholdId, p.Size, p.ApprovedAt))
            .ToList());
    }
}
