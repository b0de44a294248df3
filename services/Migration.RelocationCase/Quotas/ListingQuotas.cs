using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Quotas;

/// <summary>The quotas of a year (the current year by default) with their use, one per receiving oblast.</summary>
public static class ListingQuotas
{
    public static async Task<Ok<QuotaList>> Handle(int? year, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var which = year ?? QuotaYears.Current(clock);
        var errors = QuotaYears.Check(which, new ValidationErrors());
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        var quotas = await session.Query<OblastQuota>().Where(q => q.Year == which).OrderBy(q => q.Oblast).ToListAsync(cancellationToken);
        return TypedResults.Ok(new QuotaList(which, [.. quotas.Select(QuotaResponse.Of)]));
    }
}
