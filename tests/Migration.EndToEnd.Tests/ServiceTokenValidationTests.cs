using System.Net;
using System.Net.Http.Headers;
using Migration.Testing.Auth;

namespace Migration.EndToEnd.Tests;

/// <summary>Defence in depth: a service called directly, bypassing the gateway, still validates every token itself.</summary>
[Collection(ProgramRun.Name)]
public sealed class ServiceTokenValidationTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    private static readonly Dictionary<string, string> ProtectedPaths = new()
    {
        ["registry"] = "/api/registry/settlements/431234567",
        ["relocation-case"] = "/api/cases/settlements/431234567",
        ["housing-allocation"] = "/api/housing/settlements/431234567",
        ["subsidy-payment"] = "/api/payments/anything",
    };

    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "signed with another key", TokenForger.Create("admin", signedByAnotherKey: true) },
        { "expired", TokenForger.Create("admin", expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "for another audience", TokenForger.Create("admin", audience: "some-other-api") },
        { "from another issuer", TokenForger.Create("admin", issuer: "someone-else") },
        { "unsigned (alg none)", UnsignedToken() },
        { "not a token at all", "garbage.garbage.garbage" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Each_service_refuses_a_bad_token(string why, string token)
    {
        foreach (var (name, path) in ProtectedPaths)
        {
            var service = _system.Processes[name];
            using var client = new HttpClient { BaseAddress = service.Address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await client.GetAsync(path);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name} accepted a token {why}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_valid_token_passes_the_service_check()
    {
        var registry = _system.Processes["registry"];
        using var client = new HttpClient { BaseAddress = registry.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForger.Create("auditor"));

        using var response = await client.GetAsync($"/api/registry/settlements/{RealSettlements.NextCode()}");

        await response.AssertProblem(HttpStatusCode.NotFound, "settlement.not-found");
    }

    private static string UnsignedToken()
    {
        static string Encode(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode($$"""{"sub":"x","role":"admin","oblast":"*","iss":"migration","aud":"migration-api","exp":{{expires}}}""")}.";
    }
}
