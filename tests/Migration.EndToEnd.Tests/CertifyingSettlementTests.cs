using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Testing;
using Npgsql;

namespace Migration.EndToEnd.Tests;

/// <summary>The walking skeleton: a settlement certified at the registry reaches the other services as an event.</summary>
[Collection(ProgramRun.Name)]
public sealed class CertifyingSettlementTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task A_certified_settlement_is_read_back_and_reaches_the_housing_and_case_services()
    {
        var settlement = RealSettlements.Next("27");
        var kato = settlement.Code;
        using var clerk = await _system.Client("registry-clerk");

        using var created = await clerk.PostAsJsonAsync("/api/registry/settlements",
            new { kato, nameKk = "Сарыөзек", potentialClass = "medium" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/registry/settlements/{kato}", created.Headers.Location?.ToString());

        using var caseworker = await _system.Client("caseworker");
        using var read = await caseworker.GetAsync($"/api/registry/settlements/{kato}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var body = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(settlement.Name, body.GetProperty("name").GetString());
        Assert.Equal("Сарыөзек", body.GetProperty("nameKk").GetString());
        Assert.Equal("27", body.GetProperty("oblast").GetString());
        Assert.Equal("West Kazakhstan", body.GetProperty("oblastName").GetString());
        Assert.Equal("medium", body.GetProperty("potentialClass").GetString());
        Assert.Equal("clerk", body.GetProperty("potential").GetProperty("source").GetString());
        Assert.Equal("registry-clerk", body.GetProperty("certifiedBy").GetString());

        using var officer = await _system.Client("housing-officer");
        var atHousing = await Eventually.Get(async () => await ReadIfFound(officer, $"/api/housing/settlements/{kato}"), "the settlement at the housing service");
        Assert.Equal("medium", atHousing.RootElement.GetProperty("potentialClass").GetString());
        Assert.True(atHousing.RootElement.GetProperty("canReceiveMigrants").GetBoolean());

        var atCases = await Eventually.Get(async () => await ReadIfFound(caseworker, $"/api/cases/settlements/{kato}"), "the settlement at the case service");
        Assert.False(atCases.RootElement.GetProperty("isEligibleOrigin").GetBoolean());
    }

    [Fact]
    public async Task The_event_records_who_certified_and_the_request_correlation()
    {
        var kato = RealSettlements.NextCode();
        var correlationId = "e2e-" + Guid.NewGuid().ToString("N");
        using var clerk = await _system.Client("registry-clerk");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/settlements")
        {
            Content = JsonContent.Create(new { kato, potentialClass = "low", hazards = new[] { new { type = "soil-salinization", severity = "high" } } }),
        };
        request.Headers.Add("X-Correlation-Id", correlationId);

        using var created = await clerk.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(correlationId, created.Headers.GetValues("X-Correlation-Id").Single());
        await using var connection = new NpgsqlConnection(_system.Isolation.Database("registry"));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("select correlation_id, user_name from registry.mt_events where stream_id = $1", connection);
        query.Parameters.AddWithValue(kato);
        await using var row = await query.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(correlationId, row.GetString(0));
        Assert.Equal("registry-clerk", row.GetString(1));
    }

    [Fact]
    public async Task Certifying_the_same_settlement_twice_is_a_conflict()
    {
        var kato = RealSettlements.NextCode();
        using var clerk = await _system.Client("registry-clerk");
        var body = new { kato, potentialClass = "low" };

        using var first = await clerk.PostAsJsonAsync("/api/registry/settlements", body);
        using var second = await clerk.PostAsJsonAsync("/api/registry/settlements", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await second.AssertProblem(HttpStatusCode.Conflict, "settlement.already-certified");
    }

    [Theory]
    [InlineData("12345", "high", "kato", "kato.format")]
    [InlineData("99abc1234", "high", "kato", "kato.format")]
    [InlineData("991234567", "high", "kato", "kato.unknown-oblast")]
    [InlineData("434000000", "high", "kato", "kato.not-a-settlement")]
    [InlineData("439999999", "high", "kato", "kato.not-in-classifier")]
    [InlineData("434030100", "enormous", "potentialClass", "potential-class.unknown")]
    [InlineData("434030100", null, "potentialClass", "potential-class.required")]
    public async Task Invalid_input_is_refused_with_the_field_and_its_code(string kato, string? potentialClass, string field, string code)
    {
        using var clerk = await _system.Client("registry-clerk");

        using var response = await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, potentialClass });

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("field").GetString() == field && e.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_clear_400()
    {
        using var clerk = await _system.Client("registry-clerk");

        using var response = await clerk.PostAsync("/api/registry/settlements", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblem(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task An_unknown_settlement_is_404_with_its_code()
    {
        using var auditor = await _system.Client("auditor");

        using var response = await auditor.GetAsync($"/api/registry/settlements/{RealSettlements.NextCode()}");

        await response.AssertProblem(HttpStatusCode.NotFound, "settlement.not-found");
    }

    private static async Task<JsonDocument?> ReadIfFound(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()) : null;
    }
}
