using System.Net.Http.Json;
using System.Text.Json;

namespace Migration.Registry.Tests;

/// <summary>Integrators learn the registry's API from its OpenAPI document.</summary>
[Collection(RegistryRun.Name)]
public sealed class OpenApiTests(RegistryFixture registry)
{
    [Fact]
    public async Task The_openapi_document_describes_every_capability()
    {
        using var anonymous = new HttpClient { BaseAddress = registry.Service.Address };

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/registry/settlements", "/api/registry/settlements/{kato}", "/api/registry/settlements/{kato}/certifications",
            "/api/registry/settlements/{kato}/potential-override", "/api/registry/settlements/statistics", "/api/registry/scoring-models",
            "/api/registry/kato/editions", "/api/registry/households", "/api/registry/households/{id}", "/api/registry/households/by-member/{iin}",
            "/api/registry/households/{id}/members", "/api/registry/settlements/{kato}/households", "/api/registry/employers",
            "/api/registry/vacancies", "/api/registry/vacancies/{id}", "/api/registry/settlements/{kato}/open-vacancies",
            "/api/registry/imports/settlements", "/api/registry/imports/households", "/api/registry/imports/{id}",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.Contains("OverridingPotentialRequest", schemas);
        Assert.Contains("RegisteringHouseholdRequest", schemas);
    }
}
