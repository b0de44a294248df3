using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Migration.EndToEnd.Tests;

/// <summary>Integrators find the whole API at the gateway: the Scalar reference and every service's OpenAPI document, anonymously.</summary>
[Collection(ProgramRun.Name)]
public sealed class ApiReferenceTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task The_api_reference_page_answers_without_a_token_and_lists_every_document()
    {
        using var anonymous = await _system.Client();

        using var response = await anonymous.GetAsync("/api-docs");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var service in new[] { "registry", "relocation-case", "housing-allocation", "subsidy-payment" })
            Assert.Contains($"\"openapi/{service}.json\"", page, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registry", "/api/registry/settlements")]
    [InlineData("relocation-case", "/api/cases")]
    [InlineData("housing-allocation", "/api/housing/units")]
    [InlineData("subsidy-payment", "/api/payments/budgets")]
    public async Task The_gateway_serves_each_service_document_naming_itself_as_the_server(string service, string knownPath)
    {
        using var anonymous = await _system.Client();

        var document = await anonymous.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(paths, path => path.StartsWith(knownPath, StringComparison.Ordinal));
        Assert.Contains("/connect/token", document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        var server = new Uri(document.GetProperty("servers")[0].GetProperty("url").GetString()!);
        Assert.Equal(_system.Gateway.Address.Port, server.Port);
    }
}
