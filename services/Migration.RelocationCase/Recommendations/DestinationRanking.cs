using System.Globalization;
using Migration.RelocationCase.Households;
using Migration.RelocationCase.Housing;
using Migration.RelocationCase.Quotas;
using Migration.RelocationCase.Settlements;
using Migration.RelocationCase.Vacancies;

namespace Migration.RelocationCase.Recommendations;

/// <summary>A settlement considered as a destination, with what the service knows about it.</summary>
/// <param name="Demand">The settlement's open demand per occupation (any order; rows with no open place are ignored).</param>
/// <param name="Housing">The housing-allocation service's last report for the settlement; null when none arrived yet.</param>
/// <param name="Quota">The receiving oblast's quota for the year; null when none is set.</param>
public sealed record DestinationCandidate(KnownSettlement Settlement, IReadOnlyList<OpenDemand> Demand, HousingAvailability? Housing, OblastQuota? Quota);

/// <summary>
/// Ranks destinations for a household: a pure function of what the service knows, so a test checks it by hand.
/// <para>A candidate is excluded (and listed with the reason) when its potential is not high or medium, it lies in an
/// area of environmental problems, it is the household's own settlement, its oblast has no quota for the year or too
/// little left for one more household of this size, or the housing service reported its housing and no available unit
/// houses the whole household. No housing report at all is not an exclusion: the housing factor then gives 0 points.</para>
/// <para>Score = potential (high / medium) + vacancies (weight × working-age members whose occupation has an open place,
/// each place counted once, ÷ working-age members) + open places (any at all) + housing (a unit fits the household) +
/// climate (same zone as the origin / a neighbouring zone) + quota (weight × remaining ÷ comfortable margin, at most 1,
/// the tighter of households and people). Each factor is rounded to two decimals; the score is their sum. Ties go to
/// the lower KATO code, so the order is stable.</para>
/// </summary>
public static class DestinationRanking
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Ranking Rank(
        KnownHousehold household, KnownSettlement? origin, IEnumerable<DestinationCandidate> candidates, RecommendationSettings settings, int year, DateOnly today)
    {
        var profile = new Profile(household.Size, household.WorkingAgeMembers(settings.WorkingAge, today).Count,
            household.WorkingAgeOccupations(settings.WorkingAge, today));
        var scored = new List<(KnownSettlement Settlement, decimal Score, IReadOnlyList<ScoreReason> Reasons)>();
        var excluded = new List<Exclusion>();
        foreach (var candidate in candidates)
        {
            var settlement = candidate.Settlement;
            if (Exclude(candidate, household, profile, year) is { } reason)
            {
                excluded.Add(new Exclusion(settlement.Id, settlement.Name, settlement.Oblast, reason.Code, reason.Explanation));
                continue;
            }

            var reasons = Score(candidate, origin, profile, settings.Weights);
            scored.Add((settlement, reasons.Sum(r => r.Points), reasons));
        }

        var ranked = scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Settlement.Id, StringComparer.Ordinal)
            .Select((s, index) => new Recommendation(index + 1, s.Settlement.Id, s.Settlement.Name, s.Settlement.Oblast, s.Score, s.Reasons))
            .ToList();
        return new Ranking(ranked, [.. excluded.OrderBy(e => e.Kato, StringComparer.Ordinal)]);
    }

    /// <summary>What the ranking needs of the household: its size, its working-age members and their occupations.</summary>
    private sealed record Profile(int Size, int Workers, IReadOnlyList<string> Occupations);

    private static (string Code, string Explanation)? Exclude(DestinationCandidate candidate, KnownHousehold household, Profile profile, int year)
    {
        var s = candidate.Settlement;
        if (!IsHigh(s) && !IsMedium(s))
            return (ExclusionCodes.LowPotential, $"{s.Name} is of {s.PotentialClass} potential; destinations must be of high or medium potential.");
        if (s.HasEnvironmentalHazard)
            return (ExclusionCodes.EnvironmentalHazard, $"{s.Name} lies in an area of environmental problems.");
        if (string.Equals(s.Id, household.SettlementKato, StringComparison.Ordinal))
            return (ExclusionCodes.Origin, $"{s.Name} is where the household lives now.");
        if (candidate.Quota is not { } quota)
            return (ExclusionCodes.QuotaNotSet, $"No quota is set for oblast {s.Oblast} in {year}.");
        if (!quota.Admits(profile.Size))
            return (ExclusionCodes.QuotaExhausted,
                $"The {year} quota of oblast {s.Oblast} has {Remaining(quota)} left; this household needs 1 household and {People(profile.Size)}.");
        if (candidate.Housing is { } housing && housing.UnitsFitting(profile.Size) == 0)
            return (ExclusionCodes.NoFittingHousing, housing.Available.Count == 0
                ? $"No housing is available at {s.Name}."
                : $"No available unit at {s.Name} houses {People(profile.Size)}: the largest houses {People(housing.Available.Max(u => u.Capacity))}.");
        return null;
    }

    private static List<ScoreReason> Score(DestinationCandidate candidate, KnownSettlement? origin, Profile profile, RankingWeights weights) =>
    [
        Potential(candidate.Settlement, weights),
        Vacancies(candidate.Demand, profile, weights),
        OpenPlaces(candidate.Demand, weights),
        Housing(candidate.Housing, profile, weights),
        Climate(candidate.Settlement, origin, weights),
        Quota(candidate.Quota!, profile, weights),
    ];

    private static ScoreReason Potential(KnownSettlement s, RankingWeights w) => IsHigh(s)
        ? new(Factors.Potential, Round(w.PotentialHigh), "High economic potential.")
        : new(Factors.Potential, Round(w.PotentialMedium), "Medium economic potential.");

    private static ScoreReason Vacancies(IReadOnlyList<OpenDemand> demand, Profile profile, RankingWeights w)
    {
        if (profile.Workers == 0) return new(Factors.Vacancies, 0, "No member is of working age, so no vacancy is matched.");
        if (profile.Occupations.Count == 0) return new(Factors.Vacancies, 0, "No working-age member has an occupation recorded.");

        var matches = new List<string>();
        var matched = 0;
        foreach (var group in profile.Occupations.GroupBy(o => o, Occupations.Comparer))
        {
            var places = demand.Where(d => d.OpenPlaces > 0 && Occupations.Comparer.Equals(Occupations.Normalize(d.Occupation), group.Key)).Sum(d => d.OpenPlaces);
            var members = Math.Min(group.Count(), places);
            if (members == 0) continue;
            matched += members;
            matches.Add($"{Count(places, "open place", "open places")} for {group.Key} (matches {Count(members, "working-age member", "working-age members")})");
        }

        if (matched == 0)
            return new(Factors.Vacancies, 0,
                $"No open place for the working-age members' occupations ({string.Join(", ", profile.Occupations.Distinct(Occupations.Comparer))}).");
        return new(Factors.Vacancies, Round(w.MatchingVacancies * matched / profile.Workers),
            $"{matched} of {Count(profile.Workers, "working-age member", "working-age members")} matched: {string.Join("; ", matches)}.");
    }

    private static ScoreReason OpenPlaces(IReadOnlyList<OpenDemand> demand, RankingWeights w)
    {
        var open = demand.Where(d => d.OpenPlaces > 0).Sum(d => d.OpenPlaces);
        return open > 0
            ? new(Factors.OpenPlaces, Round(w.AnyOpenPlaces), $"{Count(open, "open place", "open places")} at this settlement in all.")
            : new(Factors.OpenPlaces, 0, "No open places at this settlement.");
    }

    private static ScoreReason Housing(HousingAvailability? housing, Profile profile, RankingWeights w) => housing is null
        ? new(Factors.Housing, 0, "No housing report from the housing-allocation service for this settlement yet.")
        : new(Factors.Housing, Round(w.Housing),
            $"{Count(housing.UnitsFitting(profile.Size), "available unit", "available units")} for {People(profile.Size)} or more (the household's size).");

    private static ScoreReason Climate(KnownSettlement s, KnownSettlement? origin, RankingWeights w) => ClimateZones.Compare(s.ClimateZone, origin?.ClimateZone) switch
    {
        ClimateMatch.Same => new(Factors.Climate, Round(w.ClimateSame), $"Same climate zone as the origin ({s.ClimateZone})."),
        ClimateMatch.Similar => new(Factors.Climate, Round(w.ClimateSimilar), $"Similar climate zone: {s.ClimateZone} here, {origin!.ClimateZone} at the origin."),
        ClimateMatch.Different => new(Factors.Climate, 0, $"Different climate zone: {s.ClimateZone} here, {origin!.ClimateZone} at the origin."),
        _ => new(Factors.Climate, 0, s.ClimateZone is null ? "No climate zone is recorded for this settlement." : "No climate zone is known for the origin."),
    };

    private static ScoreReason Quota(OblastQuota quota, Profile profile, RankingWeights w)
    {
        var margin = w.QuotaComfortMultiple;
        var households = quota.HouseholdsRemaining is { } h ? (decimal)h / margin : 1m;
        var people = quota.PeopleRemaining is { } p ? (decimal)p / (margin * Math.Max(1, profile.Size)) : 1m;
        var share = Math.Min(1m, Math.Min(households, people));
        var comfortable = $"{Count(margin, "household", "households")} and {People(margin * profile.Size)}";
        return new(Factors.Quota, Round(w.Quota * share), share >= 1
            ? $"The oblast's {quota.Year} quota has {Remaining(quota)} left: comfortable (at least {comfortable})."
            : $"The oblast's {quota.Year} quota has {Remaining(quota)} left: {Math.Round(share * 100, 0).ToString(Invariant)}% of a comfortable {comfortable}.");
    }

    private static bool IsHigh(KnownSettlement s) => string.Equals(s.PotentialClass, "high", StringComparison.OrdinalIgnoreCase);

    private static bool IsMedium(KnownSettlement s) => string.Equals(s.PotentialClass, "medium", StringComparison.OrdinalIgnoreCase);

    private static string Remaining(OblastQuota q) =>
        $"{(q.HouseholdsRemaining is { } h ? Count(h, "household", "households") : "no household limit")} and " +
        $"{(q.PeopleRemaining is { } p ? People(p) : "no limit on people")}";

    private static string People(int n) => Count(n, "person", "persons");

    private static string Count(int n, string one, string many) => $"{n.ToString(Invariant)} {(n == 1 ? one : many)}";

    private static decimal Round(decimal points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);
}
