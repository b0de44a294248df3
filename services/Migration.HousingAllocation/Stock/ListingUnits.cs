using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Stock;

/// <summary>A unit with its ETag; and units by settlement, status and minimum capacity, in the caller's oblast, paged.</summary>
public static class ListingUnits
{
    public static async Task<Ok<HousingUnit>> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(await UnitSlices.Load(session, id, user, response, cancellationToken));

    public static async Task<Results<Ok<Page<HousingUnit>>, ProblemHttpResult>> List(
        ClaimsPrincipal user, IQuerySession session, string? settlementKato, string? status, int? minCapacity, int? limit, string? continuationToken,
        CancellationToken cancellationToken)
    {
        UnitStatus? wanted = null;
        if (status is not null)
        {
            if (!WireNames.TryParse<UnitStatus>(status, out var parsed))
                return new ValidationErrors().Add("status", "status.unknown", $"'status' must be {WireNames.Choices<UnitStatus>()}.").ToProblem();
            wanted = parsed;
        }

        var take = Paging.Limit(limit);
        var after = Paging.After(continuationToken);
        var query = session.Query<HousingUnit>().AsQueryable();
        var scope = user.FindFirst(ClaimNames.Oblast)?.Value;
        if (scope is not null && scope != Oblasts.All) query = query.Where(u => u.Oblast == scope);
        if (settlementKato is not null) query = query.Where(u => u.SettlementKato == settlementKato);
        if (wanted is { } s) query = query.Where(u => u.Status == s);
        if (minCapacity is { } min) query = query.Where(u => u.Details.Capacity >= min);
        if (after is not null && Guid.TryParse(after, out var last)) query = query.Where(u => u.Id.CompareTo(last) > 0);
        var rows = await query.OrderBy(u => u.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, u => u.Id.ToString(), u => u));
    }
}
