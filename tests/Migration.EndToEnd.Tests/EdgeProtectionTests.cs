using System.Net;
using System.Net.Http.Headers;
using Migration.Testing.Auth;

namespace Migration.EndToEnd.Tests;

/// <summary>What the gateway's edge adds to every answer: browser security headers, CORS for the web application only, correlation.</summary>
[Collection(ProgramRun.Name)]
public sealed class EdgeProtectionTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Theory]
    [InlineData("/api/registry/settlements/statistics", "admin")]
    [InlineData("/api/cases", null)]
    [InlineData("/health/ready", null)]
    public async Task Every_answer_carries_security_headers_and_a_correlation_id(string path, string? role)
    {
        using var client = await _system.Client(role);

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Header(response, "X-Correlation-Id")));
    }

    [Fact]
    public async Task A_correlation_id_sent_by_the_caller_comes_back()
    {
        using var client = await _system.Client("auditor");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/registry/settlements/statistics");
        request.Headers.Add("X-Correlation-Id", "edge-test-42");

        using var response = await client.SendAsync(request);

        Assert.Equal("edge-test-42", Header(response, "X-Correlation-Id"));
    }

    [Fact]
    public async Task The_web_application_origin_may_call_from_a_browser()
    {
        using var response = await Preflight(ProgramFixture.WebOrigin);

        Assert.True(response.IsSuccessStatusCode, $"Preflight answered {(int)response.StatusCode}.");
        Assert.Equal(ProgramFixture.WebOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("idempotency-key", Header(response, "Access-Control-Allow-Headers").ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_origin_may_not()
    {
        using var response = await Preflight("https://evil.example");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_body_over_the_route_limit_is_refused_at_the_gateway()
    {
        using var client = new HttpClient { BaseAddress = _system.Gateway.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForger.Create("admin"));
        using var tooLarge = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        tooLarge.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/registry/settlements", tooLarge);

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge, "request.too-large");
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
    }

    private async Task<HttpResponseMessage> Preflight(string origin)
    {
        using var anonymous = await _system.Client();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/registry/settlements");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
        return await anonymous.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : string.Empty;
}
