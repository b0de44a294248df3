using Migration.ServiceDefaults.OpenApi;
using Scalar.AspNetCore;

namespace Migration.Gateway.ApiReference;

/// <summary>
/// The API reference for integrators: each service's OpenAPI document is proxied at <c>/openapi/{service}.json</c>
/// (anonymous routes in the <c>ReverseProxy</c> configuration), and <c>/api-docs</c> renders all of them with Scalar,
/// served from the gateway itself: no CDN, no telemetry, no AI agent, so it works offline and under a strict CSP.
/// </summary>
public static class ApiReferenceMap
{
    public const string Path = "/api-docs";

    /// <summary>Where the gateway serves the document of the service behind cluster <paramref name="service"/>.</summary>
    public static string DocumentPath(string service) => $"/openapi/{service}.json";

    public static WebApplication MapApiReference(this WebApplication app)
    {
        // One document per service behind the gateway, the registry (where integrators start) shown first.
        var services = app.Configuration.GetSection("ReverseProxy:Clusters").GetChildren().Select(c => c.Key).ToList();
        app.MapScalarApiReference(Path, options =>
        {
            options.WithTitle("Migration program API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .WithNonce()
                .AddPreferredSecuritySchemes([ApiDocumentIntroduction.SecuritySchemeName]);
            foreach (var service in services) options.AddDocument(service, Title(service), isDefault: service == "registry");
        }).AllowAnonymous();
        return app;
    }

    private static string Title(string service) => service switch
    {
        "registry" => "Registry (settlements, households, labour demand)",
        "relocation-case" => "Relocation cases",
        "housing-allocation" => "Housing allocation",
        "subsidy-payment" => "Subsidy payments",
        "identity" => "Identity (staff accounts, API clients)",
        _ => service,
    };
}
