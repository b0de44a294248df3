using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Http;

namespace Migration.Registry.LabourDemand;

/// <summary>Vacancies by settlement, occupation, employer and openness, a page at a time in id order (declaration order for new ids).</summary>
public static class ListingVacancies
{
    public static async Task<Ok<Page<VacancyResponse>>> Handle(
        IQuerySession session, string? settlementKato, string? occupation, string? employerBin, bool? open, int? limit, string? continuationToken,
        CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(continuationToken);
        var query = session.Query<Vacancy>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(settlementKato)) query = query.Where(v => v.SettlementKato == settlementKato);
        if (!string.IsNullOrWhiteSpace(occupation))
        {
            var named = LabourDemandValidation.Normalize(occupation);
            query = query.Where(v => v.Occupation == named);
        }

        if (!string.IsNullOrWhiteSpace(employerBin)) query = query.Where(v => v.EmployerBin == employerBin);
        if (open is { } isOpen)
        {
            var status = isOpen ? VacancyStatus.Open : VacancyStatus.Closed;
            query = query.Where(v => v.Status == status);
        }

        if (after is not null) query = query.Where(v => v.Id.CompareTo(after) > 0);
        var rows = await query.OrderBy(v => v.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, v => v.Id, VacancyResponse.Of));
    }
}
