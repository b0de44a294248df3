using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Contracts.HousingAllocation;
using Migration.Identifiers;
using Migration.RelocationCase.Recommendations;

namespace Migration.RelocationCase.Tests;

/// <summary>Recommendations through the API, from views fed by published events, on an example checked by hand.</summary>
[Collection(RelocationCaseRun.Name)]
public sealed class RecommendationTests(RelocationCaseFixture service)
{
    // A year no other test sets a quota for, so that only this test's settlements are candidates.
    private const int Year = 2031;

    [Fact]
    public async Task Destinations_are_ranked_with_their_scores_explained()
    {
        var origin = await service.Settlement("27", "low", "steppe");
        // Head 1980 (tractor driver) and spouse 1983 (teacher) are of working age for decades to come; the son (2018) is not.
        var household = await service.Household(origin,
            KnownWorld.Member("head", new DateOnly(1980, 3, 10), Sex.Male, occupation: "tractor driver"),
            KnownWorld.Member("spouse", new DateOnly(1983, 7, 20), Sex.Female, occupation: "teacher"),
            KnownWorld.Member("child", new DateOnly(2018, 1, 5), Sex.Male, "child"));
        using var admin = service.Client("admin");
        (await admin.PutAsJsonAsync($"/api/cases/quotas/39/{Year}", new { maxHouseholds = 100, maxPeople = 1000 })).EnsureSuccessStatusCode();

        // A: 30 (high) + 30 × 1/2 (tractor driver) + 5 (open places) + 20 (a unit for 3) + 15 (steppe) + 10 (quota) = 95
        var a = await service.Settlement("39", "high", "steppe");
        await service.Vacancy(a, "tractor driver", 2);
        await service.Housing(a, new AvailableUnits(4, 1));
        // B: 15 (medium) + 30 × 2/2 + 5 + 0 (no housing report) + 7 (semi-desert ~ steppe) + 10 = 67
        var b = await service.Settlement("39", "medium", "semi-desert");
        await service.Vacancy(b, "tractor driver", 1);
        await service.Vacancy(b, "teacher", 2);
        // C: 30 + 0 + 0 + 20 + 0 (mountain) + 10 = 60
        var c = await service.Settlement("39", "high", "mountain");
        await service.Housing(c, new AvailableUnits(3, 2));
        // Not recommended: D's units house 2 at most; E is hazardous; F is of low potential.
        var d = await service.Settlement("39", "high", "steppe");
        await service.Housing(d, new AvailableUnits(2, 5));
        await service.Settlement("39", "high", "steppe", hazard: true);
        await service.Settlement("39", "low", "steppe");

        var answer = await service.Client("caseworker", "27").GetFromJsonAsync<JsonElement>(
            $"/api/cases/recommendations?householdId={household.Id}&year={Year}&limit=5");

        Assert.Equal((3, 2), (answer.GetProperty("householdSize").GetInt32(), answer.GetProperty("workingAgeMembers").GetInt32()));
        var recommended = answer.GetProperty("recommendations").EnumerateArray()
            .Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("kato").GetString(), r.GetProperty("score").GetDecimal())).ToList();
        Assert.Equal([(1, a.Id, 95m), (2, b.Id, 67m), (3, c.Id, 60m)], recommended);
        var reasons = answer.GetProperty("recommendations")[0].GetProperty("reasons").EnumerateArray().ToList();
        Assert.Equal(Factors.Vacancies, reasons[1].GetProperty("factor").GetString());
        Assert.Equal("1 of 2 working-age members matched: 2 open places for tractor driver (matches 1 working-age member).",
            reasons[1].GetProperty("explanation").GetString());
        Assert.Contains(answer.GetProperty("excluded").EnumerateArray(),
            e => e.GetProperty("code").GetString() == ExclusionCodes.NoFittingHousing && e.GetProperty("count").GetInt32() == 1);
    }

    [Fact]
    public async Task An_unknown_household_is_404_and_another_oblast_is_403()
    {
        var origin = await service.Settlement("27", "low", "steppe");
        var household = await service.Household(origin, KnownWorld.Member("head", new DateOnly(1970, 1, 1), Sex.Male));

        using var unknown = await service.Client("caseworker").GetAsync(new Uri($"/api/cases/recommendations?householdId={Guid.NewGuid()}", UriKind.Relative));
        using var elsewhere = await service.Client("caseworker", "11").GetAsync(new Uri($"/api/cases/recommendations?householdId={household.Id}", UriKind.Relative));
        using var housingOfficer = await service.Client("housing-officer").GetAsync(new Uri($"/api/cases/recommendations?householdId={household.Id}", UriKind.Relative));
        using var supervisor = await service.Client("case-supervisor", "27").GetAsync(new Uri($"/api/cases/recommendations?householdId={household.Id}", UriKind.Relative));

        await unknown.AssertProblem(HttpStatusCode.NotFound, RecommendingDestinations.UnknownHousehold);
        await elsewhere.AssertProblem(HttpStatusCode.Forbidden, "auth.oblast-scope");
        await housingOfficer.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
    }
}
