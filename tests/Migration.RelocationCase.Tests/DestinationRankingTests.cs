using Migration.RelocationCase.Households;
using Migration.RelocationCase.Housing;
using Migration.RelocationCase.Quotas;
using Migration.RelocationCase.Recommendations;
using Migration.RelocationCase.Settlements;
using Migration.RelocationCase.Vacancies;

namespace Migration.RelocationCase.Tests;

/// <summary>The ranking on a small example whose scores are computed by hand below, with the default weights.</summary>
public sealed class DestinationRankingTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly DateTimeOffset At = new(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(5));
    private static readonly RecommendationSettings Defaults = new();

    // A household of 4 at a low-potential steppe settlement of oblast 27. On 2025-06-01 the head (45, a tractor driver) and
    // the spouse (42, a teacher) are of working age; the son (13) and the grandmother (75) are not.
    private static readonly KnownSettlement Origin = Settlement("271000001", "27", "low", "steppe");

    private static readonly KnownHousehold Family = new(Guid.NewGuid(), Origin.Id, "27",
    [
        new KnownMember("800310300001", new DateOnly(1980, 3, 10), "male", "head", "employed", "tractor driver", "none"),
        new KnownMember("820720400002", new DateOnly(1982, 7, 20), "female", "spouse", "employed", " Teacher ", "none"),
        new KnownMember("120105500003", new DateOnly(2012, 1, 5), "male", "child", "student", null, "none"),
        new KnownMember("500202400004", new DateOnly(1950, 2, 2), "female", "grandparent", "pensioner", "milkmaid", "none"),
    ], 1, At, null);

    // Quotas for the year: oblast 43 has 90 of 100 households left and no limit on people (comfortable);
    // oblast 35 has 5 of 20 households and 400 of 500 people left; oblast 15 is used up; oblast 62 has none.
    private static readonly OblastQuota Kyzylorda = Quota("43", maxHouseholds: 100, households: 10, maxPeople: null, people: 0);
    private static readonly OblastQuota Karaganda = Quota("35", maxHouseholds: 20, households: 15, maxPeople: 500, people: 100);
    private static readonly OblastQuota Aktobe = Quota("15", maxHouseholds: 3, households: 3, maxPeople: null, people: 0);

    [Fact]
    public void Ranks_the_hand_checked_example()
    {
        DestinationCandidate[] candidates =
        [
            // A: potential high 30 + vacancies 30 × 1/2 (tractor driver: 2 places, 1 member; no teacher place) = 15 + open places 5
            //    + housing (a unit for 4) 20 + climate same (steppe) 15 + quota 90 households ≥ 10 → 10                      = 95
            new(Settlement("431000002", "43", "high", "steppe"), [Demand("431000002", "tractor driver", 2)], Housing("431000002", (4, 1)), Kyzylorda),
            // B: potential medium 15 + vacancies 30 × 2/2 (tractor driver 1 place, teacher 3 places) = 30 + open places 5
            //    + housing: no report → 0 + climate similar (semi-desert ~ steppe) 7
            //    + quota 10 × min(5 / 10 households, 400 / 40 people → 1) = 10 × 0.5 = 5                                  = 62
            new(Settlement("351000003", "35", "medium", "semi-desert"), [Demand("351000003", "tractor driver", 1), Demand("351000003", "teacher", 3)], null, Karaganda),
            // C: potential high 30 + vacancies 0 + open places 0 + housing (units for 6) 20 + climate mountain ≠ steppe 0 + quota 10 = 60
            new(Settlement("431000004", "43", "high", "mountain"), [], Housing("431000004", (6, 2)), Kyzylorda),
            // Excluded: D's largest unit houses 3; E's oblast has no quota; F is hazardous; G's oblast quota is used up; the origin is low.
            new(Settlement("431000005", "43", "medium", "desert"), [Demand("431000005", "teacher", 5)], Housing("431000005", (3, 4)), Kyzylorda),
            new(Settlement("621000006", "62", "high", "steppe"), [], null, null),
            new(Settlement("351000007", "35", "high", "forest-steppe", hazard: true), [], null, Karaganda),
            new(Settlement("151000008", "15", "high", "steppe"), [], null, Aktobe),
            new(Origin, [], null, null),
        ];

        var ranking = DestinationRanking.Rank(Family, Origin, candidates, Defaults, 2025, Today);

        Assert.Equal([("431000002", 95m, 1), ("351000003", 62m, 2), ("431000004", 60m, 3)],
            ranking.Recommended.Select(r => (r.Kato, r.Score, r.Rank)));
        var a = ranking.Recommended[0];
        Assert.Equal([30m, 15m, 5m, 20m, 15m, 10m], a.Reasons.Select(r => r.Points));
        Assert.Equal([Factors.Potential, Factors.Vacancies, Factors.OpenPlaces, Factors.Housing, Factors.Climate, Factors.Quota], a.Reasons.Select(r => r.Factor));
        Assert.Equal("1 of 2 working-age members matched: 2 open places for tractor driver (matches 1 working-age member).", a.Reasons[1].Explanation);
        var b = ranking.Recommended[1];
        Assert.Equal([15m, 30m, 5m, 0m, 7m, 5m], b.Reasons.Select(r => r.Points));
        Assert.Contains("No housing report", b.Reasons[3].Explanation, StringComparison.Ordinal);
        Assert.Equal("The oblast's 2025 quota has 5 households and 400 persons left: 50% of a comfortable 10 households and 40 persons.", b.Reasons[5].Explanation);
        Assert.Equal([
                ("151000008", ExclusionCodes.QuotaExhausted), ("271000001", ExclusionCodes.LowPotential), ("351000007", ExclusionCodes.EnvironmentalHazard),
                ("431000005", ExclusionCodes.NoFittingHousing), ("621000006", ExclusionCodes.QuotaNotSet),
            ],
            ranking.Excluded.Select(e => (e.Kato, e.Code)));
    }

    [Fact]
    public void Weights_come_from_configuration_and_ties_go_to_the_lower_kato()
    {
        var settings = new RecommendationSettings { Weights = { Housing = 0, PotentialHigh = 15 } };
        DestinationCandidate[] candidates =
        [
            // Both: potential 15 + vacancies 0 + open places 0 + housing 0 + climate same 15 + quota 10 = 40.
            new(Settlement("431000012", "43", "high", "steppe"), [], Housing("431000012", (8, 1)), Kyzylorda),
            new(Settlement("431000011", "43", "medium", "steppe"), [], null, Kyzylorda),
        ];

        var ranking = DestinationRanking.Rank(Family, Origin, candidates, settings, 2025, Today);

        Assert.Equal([("431000011", 40m), ("431000012", 40m)], ranking.Recommended.Select(r => (r.Kato, r.Score)));
    }

    [Fact]
    public void A_household_with_nobody_of_working_age_matches_no_vacancy()
    {
        var pensioners = Family with { Members = [.. Family.Members.Where(m => m.BirthDate.Year < 1960)] };
        DestinationCandidate[] candidates = [new(Settlement("431000021", "43", "high", "steppe"), [Demand("431000021", "milkmaid", 4)], null, Kyzylorda)];

        var vacancies = DestinationRanking.Rank(pensioners, Origin, candidates, Defaults, 2025, Today).Recommended.Single().Reasons[1];

        Assert.Equal((0m, "No member is of working age, so no vacancy is matched."), (vacancies.Points, vacancies.Explanation));
    }

    [Theory]
    [InlineData("steppe", "steppe", ClimateMatch.Same)]
    [InlineData("desert", "semi-desert", ClimateMatch.Similar)]
    [InlineData("semi-desert", "steppe", ClimateMatch.Similar)]
    [InlineData("forest-steppe", "steppe", ClimateMatch.Similar)]
    [InlineData("desert", "steppe", ClimateMatch.Different)]
    [InlineData("mountain", "forest-steppe", ClimateMatch.Different)]
    [InlineData("mountain", "mountain", ClimateMatch.Same)]
    [InlineData(null, "steppe", ClimateMatch.Unknown)]
    public void Climate_zones_next_to_each_other_are_similar(string? here, string? there, ClimateMatch expected) =>
        Assert.Equal(expected, ClimateZones.Compare(here, there));

    [Theory]
    [InlineData("male", "2009-06-01", true)]    // 16 today
    [InlineData("male", "2009-06-02", false)]   // 16 tomorrow
    [InlineData("male", "1962-06-01", false)]   // 63 today
    [InlineData("male", "1962-06-02", true)]    // 62 until tomorrow
    [InlineData("female", "1964-06-02", true)]  // 60
    [InlineData("female", "1964-06-01", false)] // 61 today
    public void Working_age_is_16_to_62_for_men_and_16_to_60_for_women_by_default(string sex, string birthDate, bool expected)
    {
        var member = new KnownMember("000000000000", DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), sex, "other", "employed", null, "none");
        Assert.Equal(expected, new WorkingAge().Includes(member, Today));
    }

    private static KnownSettlement Settlement(string kato, string oblast, string potential, string? climate, bool hazard = false) =>
        new(kato, $"Settlement {kato}", oblast, null, climate, potential, hazard, 500, At);

    private static OpenDemand Demand(string kato, string occupation, int places) =>
        new(OpenDemand.KeyOf(kato, occupation), kato, kato[..2], occupation, 1, places, At);

    private static HousingAvailability Housing(string kato, params (int Capacity, int Count)[] units) =>
        new(kato, kato[..2], [.. units.Select(u => new UnitsAvailable(u.Capacity, u.Count))], At);

    private static OblastQuota Quota(string oblast, int? maxHouseholds, int households, int? maxPeople, int people) =>
        new(OblastQuota.KeyOf(oblast, 2025), oblast, 2025, maxHouseholds, maxPeople, households, people, "admin", At);
}
