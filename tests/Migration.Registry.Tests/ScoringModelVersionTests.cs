using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Migration.Registry.Tests;

/// <summary>Scoring models are versioned data: a new version scores the certifications made while it is in force.</summary>
public sealed class ScoringModelVersionTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task A_new_version_scores_later_certifications_and_each_records_its_version()
    {
        using var admin = registry.Client("admin");
        using var clerk = registry.Client("registry-clerk");
        var indicators = new
        {
            asOf = "2004-01-01", population = 1000, households = 250, workingAge = 600, unemployed = 0, averageMonthlyIncome = 20_000,
            subsistenceMinimum = 10_000, infrastructure = new { waterSupply = true }, arableLandHectares = 2_500,
        };
        var first = RealSettlements.NextCode("43");
        using var before = await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = first, indicators });

        using var added = await admin.PostAsJsonAsync("/api/registry/scoring-models", new
        {
            effectiveFrom = "2004-01-01",
            weights = new { employment = 0, income = 0, infrastructure = 1, population = 0, arableLand = 0 },
            scales = new { incomeToSubsistenceRatio = 2, population = 1000, arableHectaresPerHousehold = 10 },
            thresholds = new { high = 80, medium = 10 },
            hazardPenalties = new { low = 5, medium = 15, high = 30 },
        });
        using var clerkMayNot = await clerk.PostAsJsonAsync("/api/registry/scoring-models", new { });
        var second = RealSettlements.NextCode("43");
        using var after = await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = second, indicators });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(2, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        await clerkMayNot.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        var v1 = (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("potential");
        var v2 = (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("potential");
        Assert.Equal((1, "high"), (v1.GetProperty("modelVersion").GetInt32(), v1.GetProperty("class").GetString()));
        // Only infrastructure counts in version 2: 1 item of 7 = 14.3 points, medium under its thresholds.
        Assert.Equal((2, 14.3m, "medium"), (v2.GetProperty("modelVersion").GetInt32(), v2.GetProperty("score").GetDecimal(), v2.GetProperty("class").GetString()));

        var versions = await clerk.GetFromJsonAsync<JsonElement>("/api/registry/scoring-models");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }
}
