using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Settlements;

/// <summary>Certified settlements by oblast, district, potential class and hazard, a page at a time in KATO order.</summary>
public static class ListingSettlements
{
    public static async Task<Results<Ok<Page<SettlementResponse>>, ProblemHttpResult>> Handle(
        IQuerySession session, string? oblast, string? district, string? potentialClass, bool? hazard, int? limit, string? continuationToken,
        CancellationToken cancellationToken)
    {
        PotentialClass? potential = null;
        if (potentialClass is not null)
        {
            if (!WireNames.TryParse<PotentialClass>(potentialClass, out var parsed))
                return new ValidationErrors().Add("potentialClass", "potential-class.unknown", $"'potentialClass' must be {WireNames.Choices<PotentialClass>()}.").ToProblem();
            potential = parsed;
        }

        var take = Paging.Limit(limit);
        var after = Paging.After(continuationToken);
        var query = session.Query<Settlement>().AsQueryable();
        if (oblast is not null) query = query.Where(s => s.Oblast == oblast);
        if (district is not null) query = query.Where(s => s.District == district);
        if (potential is { } p) query = query.Where(s => s.PotentialClass == p);
        if (hazard is { } h) query = query.Where(s => s.HasEnvironmentalHazard == h);
        if (after is not null) query = query.Where(s => s.Id.CompareTo(after) > 0);
        var rows = await query.OrderBy(s => s.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, s => s.Id, SettlementResponse.From));
    }
}
