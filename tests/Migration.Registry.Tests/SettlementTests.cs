using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Published = Migration.Contracts.Registry;

namespace Migration.Registry.Tests;

/// <summary>Certification, scoring, overrides, recertification and queries against the real registry.</summary>
[Collection(RegistryRun.Name)]
public sealed class SettlementTests(RegistryFixture registry)
{
    private readonly HttpClient _clerk = registry.Client("registry-clerk");
    private readonly HttpClient _auditor = registry.Client("auditor");

    /// <summary>Hand-checked in ScoringModelTests: 59.2 points, medium potential.</summary>
    private static object MediumIndicators => new
    {
        asOf = "2004-01-01", population = 400, households = 100, workingAge = 600 / 2, unemployed = 75,
        averageMonthlyIncome = 9_000, subsistenceMinimum = 6_000,
        infrastructure = new { waterSupply = true, electricity = true, school = true },
        arableLandHectares = 500,
    };

    [Fact]
    public async Task Indicators_are_scored_by_the_model_and_the_place_comes_from_the_classifier()
    {
        var kato = RealSettlements.Zhanakorgan; // с.Жанакорган, Zhanakorgan district (RealSettlements never hands it out)

        using var created = await _clerk.PostAsJsonAsync("/api/registry/settlements", new
        {
            kato, nameKk = "Жаңақорған", climateZone = "semi-desert", coordinates = new { latitude = 43.91, longitude = 67.25 },
            indicators = MediumIndicators,
        });

        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("с.Жанакорган", body.GetProperty("nameRu").GetString());
        Assert.Equal("Жанакорганский район", body.GetProperty("district").GetString());
        Assert.Equal("Жанакорганский с.о.", body.GetProperty("ruralOkrug").GetString());
        Assert.Equal("2022-10-17", body.GetProperty("katoEdition").GetString());
        Assert.Equal("semi-desert", body.GetProperty("climateZone").GetString());
        var potential = body.GetProperty("potential");
        Assert.Equal(59.2m, potential.GetProperty("score").GetDecimal());
        Assert.Equal("medium", potential.GetProperty("class").GetString());
        Assert.Equal("model", potential.GetProperty("source").GetString());
        Assert.Equal(1, potential.GetProperty("modelVersion").GetInt32());

        var published = await Eventually.Get(() => Task.FromResult(registry.Published.OfType<Published.SettlementCertified>().FirstOrDefault(e => e.Kato == kato)),
            "the SettlementCertified event");
        Assert.Equal("medium", published.PotentialClass);
        Assert.Equal(59.2m, published.PotentialScore);
        Assert.Equal("Жанакорганский район", published.District);
    }

    [Fact]
    public async Task Stating_another_class_than_the_model_needs_a_reason_and_stays_visible()
    {
        var kato = RealSettlements.NextCode("35");

        using var refused = await _clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, indicators = MediumIndicators, potentialClass = "high" });
        using var created = await _clerk.PostAsJsonAsync("/api/registry/settlements", new
        {
            kato, indicators = MediumIndicators, potentialClass = "high", overrideReason = "A new mine opens in 2005 and hires 400 people.",
        });

        await refused.AssertProblem(HttpStatusCode.BadRequest, "potential.override-reason-required");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("high", body.GetProperty("potentialClass").GetString());
        var potential = body.GetProperty("potential");
        Assert.Equal("medium", potential.GetProperty("computedClass").GetString());
        Assert.Equal("A new mine opens in 2005 and hires 400 people.", potential.GetProperty("override").GetProperty("reason").GetString());
        Assert.Equal("registry-clerk", potential.GetProperty("override").GetProperty("by").GetString());
    }

    [Fact]
    public async Task An_override_needs_the_current_version_and_publishes_the_reclassification()
    {
        var kato = RealSettlements.NextCode("11");
        using var created = await _clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, indicators = MediumIndicators });
        var etag = created.Headers.ETag?.Tag ?? (await _clerk.GetAsync($"/api/registry/settlements/{kato}")).Headers.ETag!.Tag;
        var body = new { potentialClass = "low", reason = "The only employer closed in March." };

        using var withoutVersion = await _clerk.PostAsJsonAsync($"/api/registry/settlements/{kato}/potential-override", body);
        using var stale = await Send(HttpMethod.Post, $"/api/registry/settlements/{kato}/potential-override", body, "\"7\"");
        using var overridden = await Send(HttpMethod.Post, $"/api/registry/settlements/{kato}/potential-override", body, etag);
        using var again = await Send(HttpMethod.Post, $"/api/registry/settlements/{kato}/potential-override", body, overridden.Headers.ETag!.Tag);

        await withoutVersion.AssertProblem(HttpStatusCode.PreconditionRequired, "concurrency.if-match-required");
        await stale.AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.version-mismatch");
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        Assert.Equal("low", (await overridden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("potentialClass").GetString());
        await again.AssertProblem(HttpStatusCode.Conflict, "potential.unchanged");

        var reclassified = await Eventually.Get(() => Task.FromResult(registry.Published.OfType<Published.SettlementPotentialReclassified>().FirstOrDefault(e => e.Kato == kato)),
            "the SettlementPotentialReclassified event");
        Assert.Equal(("medium", "low"), (reclassified.Previous, reclassified.Current));
    }

    [Fact]
    public async Task Recertification_keeps_every_certification_in_the_history()
    {
        var kato = RealSettlements.NextCode("39");
        using var created = await _clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, indicators = MediumIndicators });
        var worse = new
        {
            asOf = "2005-01-01", population = 120, households = 40, workingAge = 70, unemployed = 60, averageMonthlyIncome = 3_000,
            subsistenceMinimum = 6_000, infrastructure = new { electricity = true }, arableLandHectares = 0,
        };

        using var recertified = await Send(HttpMethod.Post, $"/api/registry/settlements/{kato}/certifications",
            new { indicators = worse, hazards = new[] { new { type = "water-shortage", severity = "medium" } } }, created.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, recertified.StatusCode);
        var body = await recertified.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("low", body.GetProperty("potentialClass").GetString());
        Assert.Equal(2, body.GetProperty("certifications").GetInt32());
        Assert.True(body.GetProperty("environmentalHazard").GetBoolean());
        Assert.Equal("\"3\"", recertified.Headers.ETag?.Tag);

        using var history = await _auditor.GetAsync($"/api/registry/settlements/{kato}/certifications");
        var changes = (await history.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("change").GetString()).ToList();
        Assert.Equal(["certified", "recertified", "reclassified"], changes);
    }

    [Fact]
    public async Task Lists_filter_by_oblast_class_and_hazard_and_page_with_a_continuation_token()
    {
        var codes = Enumerable.Range(0, 3).Select(_ => RealSettlements.NextCode("59")).ToList();
        foreach (var kato in codes)
            (await _clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, potentialClass = "low", hazards = new[] { new { type = "desertification", severity = "low" } } })).Dispose();
        (await _clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = RealSettlements.NextCode("59"), potentialClass = "high" })).Dispose();

        var seen = new List<string>();
        string? token = null;
        do
        {
            var url = $"/api/registry/settlements?oblast=59&potentialClass=low&hazard=true&limit=2" + (token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}");
            var page = await _auditor.GetFromJsonAsync<JsonElement>(url);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items.Select(i => i.GetProperty("kato").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.Equal(codes.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Statistics_count_settlements_and_people_per_oblast_and_class()
    {
        var kato = RealSettlements.NextCode("63");
        (await _clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, indicators = MediumIndicators })).Dispose();

        var oblasts = await _auditor.GetFromJsonAsync<JsonElement>("/api/registry/settlements/statistics");

        var east = oblasts.EnumerateArray().Single(o => o.GetProperty("oblast").GetString() == "63");
        Assert.Equal("East Kazakhstan", east.GetProperty("oblastName").GetString());
        var medium = east.GetProperty("byClass").EnumerateArray().Single(c => c.GetProperty("potentialClass").GetString() == "medium");
        Assert.True(medium.GetProperty("settlements").GetInt32() >= 1);
        Assert.True(medium.GetProperty("people").GetInt64() >= 400);
    }

    [Fact]
    public async Task Invalid_indicators_are_refused_field_by_field()
    {
        using var response = await _clerk.PostAsJsonAsync("/api/registry/settlements", new
        {
            kato = RealSettlements.NextCode(),
            indicators = new { population = 10, households = 20, workingAge = 30, unemployed = -1 },
            climateZone = "tundra",
            coordinates = new { latitude = 10, longitude = 70 },
        });

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains(("indicators.asOf", "required"), errors);
        Assert.Contains(("indicators.unemployed", "negative"), errors);
        Assert.Contains(("indicators.workingAge", "indicators.inconsistent"), errors);
        Assert.Contains(("indicators.households", "indicators.inconsistent"), errors);
        Assert.Contains(("climateZone", "climate-zone.unknown"), errors);
        Assert.Contains(("coordinates.latitude", "coordinates.out-of-country"), errors);
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, object body, string etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return _clerk.SendAsync(request);
    }
}
