using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Testing.Auth;

namespace Migration.EndToEnd.Tests;

/// <summary>The gateway is the only door: health, tokens, 401 without a token, 403 for the wrong role.</summary>
[Collection(ProgramRun.Name)]
public sealed class GatewayAccessTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task The_gateway_is_ready_when_every_service_behind_it_is()
    {
        using var anonymous = await _system.Client();

        using var response = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        foreach (var service in new[] { "registry", "relocation-case", "housing-allocation", "subsidy-payment" })
            Assert.Equal("Healthy", checks.GetProperty(service).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/cases")]
    [InlineData("/api/cases/settlements/431234567")]
    [InlineData("/api/registry/settlements/431234567")]
    [InlineData("/api/housing/settlements/431234567")]
    [InlineData("/api/payments")]
    public async Task Every_api_route_needs_a_token(string path)
    {
        using var anonymous = await _system.Client();

        using var response = await anonymous.GetAsync(path);

        await response.AssertProblem(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
    }

    [Theory]
    [InlineData("caseworker")]
    [InlineData("finance-officer")]
    [InlineData("auditor")]
    [InlineData("integrator")]
    public async Task Only_registry_clerks_and_admins_certify_settlements(string role)
    {
        using var client = await _system.Client(role);

        using var response = await client.PostAsJsonAsync("/api/registry/settlements",
            new { kato = RealSettlements.NextCode(), potentialClass = "high" });

        await response.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task A_clerk_limited_to_one_oblast_cannot_certify_in_another()
    {
        using var client = new HttpClient { BaseAddress = _system.Gateway.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForger.Create("registry-clerk", oblast: "35"));

        using var inOblast = await client.PostAsJsonAsync("/api/registry/settlements", new { kato = RealSettlements.NextCode("35"), potentialClass = "high" });
        using var elsewhere = await client.PostAsJsonAsync("/api/registry/settlements", new { kato = RealSettlements.NextCode("43"), potentialClass = "high" });

        Assert.Equal(HttpStatusCode.Created, inOblast.StatusCode);
        await elsewhere.AssertProblem(HttpStatusCode.Forbidden, "auth.oblast-scope");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused_at_the_gateway()
    {
        using var client = new HttpClient { BaseAddress = _system.Gateway.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TokenForger.Create("admin", signedByAnotherKey: true));

        using var response = await client.GetAsync($"/api/registry/settlements/{RealSettlements.NextCode()}");

        await response.AssertProblem(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Demo_clients_get_tokens_by_client_credentials()
    {
        using var anonymous = await _system.Client();

        using var good = await anonymous.PostAsync("/connect/token", Form("auditor", "dev-secret"));
        using var wrongSecret = await anonymous.PostAsync("/connect/token", Form("auditor", "guess"));
        using var unknown = await anonymous.PostAsync("/connect/token", Form("nobody", "dev-secret"));
        using var wrongGrant = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var token = await good.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.True(token.GetProperty("expires_in").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal("invalid_client", (await wrongSecret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongGrant.StatusCode);
        Assert.Equal("unsupported_grant_type", (await wrongGrant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Basic_authentication_of_the_client_works_too()
    {
        using var anonymous = await _system.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("registry-clerk:dev-secret"u8.ToArray()));

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static FormUrlEncodedContent Form(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret,
    });
}
