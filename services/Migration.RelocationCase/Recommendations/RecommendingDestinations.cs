using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.RelocationCase.Households;
using Migration.RelocationCase.Housing;
using Migration.RelocationCase.Quotas;
using Migration.RelocationCase.Settlements;
using Migration.RelocationCase.Vacancies;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Recommendations;

/// <summary>
/// A caseworker asks where a household could go: the eligible destinations ranked by <see cref="DestinationRanking"/>
/// from the service's own views (settlements, vacancies, housing, quotas of the year), never by asking another service.
/// The answer lists the best <c>limit</c> and counts the excluded settlements by reason.
/// </summary>
public static class RecommendingDestinations
{
    public const string UnknownHousehold = "household.unknown";
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static readonly string[] Readers = [Roles.Caseworker, Roles.CaseSupervisor, Roles.Admin, Roles.Auditor];

    public sealed record ExcludedCount(string Code, int Count);

    public sealed record Response(
        Guid HouseholdId, int Year, int HouseholdSize, int WorkingAgeMembers, IReadOnlyList<Recommendation> Recommendations, IReadOnlyList<ExcludedCount> Excluded);

    public static async Task<Ok<Response>> Handle(
        Guid householdId, int? limit, int? year, IQuerySession session, ClaimsPrincipal user, IConfiguration configuration, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var which = year ?? QuotaYears.Current(clock);
        Validate(limit, which);
        var household = await session.LoadAsync<KnownHousehold>(householdId, cancellationToken);
        if (household is not { IsKnown: true })
            throw ProblemException.NotFound(UnknownHousehold, $"No registered household {householdId} has reached the case service.");
        if (!user.CoversOblast(household.Oblast!))
            throw new ProblemException(StatusCodes.Status403Forbidden, "auth.oblast-scope", "Outside your oblast",
                $"Your account does not cover oblast {household.Oblast}.");

        var settings = RecommendationSettings.From(configuration);
        var origin = await session.LoadAsync<KnownSettlement>(household.SettlementKato!, cancellationToken);
        var candidates = await Candidates(session, which, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var ranking = DestinationRanking.Rank(household, origin, candidates, settings, which, today);

        var excluded = ranking.Excluded.GroupBy(e => e.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ExcludedCount(g.Key, g.Count())).ToList();
        return TypedResults.Ok(new Response(householdId, which, household.Size, household.WorkingAgeMembers(settings.WorkingAge, today).Count,
            [.. ranking.Recommended.Take(limit ?? DefaultLimit)], excluded));
    }

    /// <summary>Settlements of high or medium potential and no hazard, with their open demand, housing and oblast quota.</summary>
    private static async Task<List<DestinationCandidate>> Candidates(IQuerySession session, int year, CancellationToken cancellationToken)
    {
        var settlements = await session.Query<KnownSettlement>()
            .Where(s => (s.PotentialClass == "high" || s.PotentialClass == "medium") && !s.HasEnvironmentalHazard)
            .ToListAsync(cancellationToken);
        var demand = (await session.Query<OpenDemand>().Where(d => d.OpenPlaces > 0).ToListAsync(cancellationToken))
            .ToLookup(d => d.SettlementKato, StringComparer.Ordinal);
        var housing = (await session.Query<HousingAvailability>().ToListAsync(cancellationToken)).ToDictionary(h => h.Id, StringComparer.Ordinal);
        var quotas = (await session.Query<OblastQuota>().Where(q => q.Year == year).ToListAsync(cancellationToken)).ToDictionary(q => q.Oblast, StringComparer.Ordinal);
        return [.. settlements.Select(s => new DestinationCandidate(s, [.. demand[s.Id]], housing.GetValueOrDefault(s.Id), quotas.GetValueOrDefault(s.Oblast)))];
    }

    private static void Validate(int? limit, int year)
    {
        var errors = QuotaYears.Check(year, new ValidationErrors());
        if (limit is < 1 or > MaxLimit) errors.Add("limit", "limit.out-of-range", $"'limit' must be between 1 and {MaxLimit}.");
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
    }
}
