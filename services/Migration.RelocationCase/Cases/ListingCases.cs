using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// Cases by status, oblast, caseworker, origin and destination, or overdue; in the caller's oblast only (auditors and
/// admins see all). Overdue cases come first, the most overdue first; otherwise newest first. Paged.
/// </summary>
public static class ListingCases
{
    public static async Task<Results<Ok<Page<CaseResponse>>, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, IQuerySession session, TimeProvider clock, string? status, string? oblast, string? caseworker, string? origin,
        string? destination, bool? overdue, int? limit, string? continuationToken, CancellationToken cancellationToken)
    {
        CaseStatus? wanted = null;
        if (status is not null)
        {
            if (!WireNames.TryParse<CaseStatus>(status, out var parsed))
                return new ValidationErrors().Add("status", "status.unknown", $"'status' must be {WireNames.Choices<CaseStatus>()}.").ToProblem();
            wanted = parsed;
        }

        var scope = user.FindFirst(ClaimNames.Oblast)?.Value;
        if (scope is not null && scope != Oblasts.All)
        {
            if (oblast is not null && oblast != scope) return TypedResults.Ok(new Page<CaseResponse>([], null));
            oblast = scope;
        }

        var take = Paging.Limit(limit);
        var after = Paging.After(continuationToken);
        var today = clock.Today();
        var query = session.Query<CaseFile>().AsQueryable();
        if (wanted is { } s) query = query.Where(c => c.Status == s);
        if (oblast is not null) query = query.Where(c => c.Oblast == oblast);
        if (caseworker is not null) query = query.Where(c => c.Caseworker == caseworker);
        if (origin is not null) query = query.Where(c => c.OriginKato == origin);
        if (destination is not null) query = query.Where(c => c.DestinationKato == destination);
        if (overdue == true) query = query.Where(c => c.Task != null && c.Task.DueOn < today);
        if (after is not null && Guid.TryParse(after, out var last)) query = query.Where(c => c.Id.CompareTo(last) < 0);
        var rows = await query.OrderByDescending(c => c.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, c => c.Id.ToString(), c => CaseResponse.From(c, user, today)));
    }
}
