using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Clock;
using Migration.ServiceDefaults.Correlation;
using Migration.ServiceDefaults.Health;
using Migration.ServiceDefaults.Idempotency;
using Migration.ServiceDefaults.OpenApi;
using Migration.ServiceDefaults.Problems;
using Migration.ServiceDefaults.Telemetry;

namespace Migration.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// What every service of the program has: problem details, token validation, telemetry, health, correlation,
    /// JSON conventions, the OpenAPI document and a <see cref="TimeProvider"/>.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSingleton(new RunningService(serviceName));
        builder.AddProgramClock();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddProblemDetailsWithCodes();
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));
        builder.Services.AddOpenApi(options =>
        {
            options.CreateSchemaReferenceId = SchemaName;
            options.AddIntroduction(serviceName);
        });
        builder.AddTokenValidation();
        builder.AddTelemetry(serviceName);
        builder.AddHealth();
        return builder;
    }

    /// <summary>
    /// Slices name their records <c>Request</c> inside the slice's class; the schema is named after both
    /// (<c>OverridingPotentialRequest</c>) so that one slice's request never hides another's.
    /// </summary>
    private static string? SchemaName(System.Text.Json.Serialization.Metadata.JsonTypeInfo type) =>
        Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } name && type.Type.DeclaringType is { } outer
            ? outer.Name + name
            : Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(type);

    /// <summary>The middleware and endpoints every service has, in order.</summary>
    /// <param name="app">The application.</param>
    /// <param name="edge">
    /// Middleware that must see the authenticated caller but answer before authorization refuses (the gateway's
    /// security headers, CORS preflights and rate limits per client): errors and correlation already wrap it.
    /// </param>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<IApplicationBuilder>? edge = null)
    {
        app.UseProblemDetailsForErrors();
        app.UseCorrelation();
        app.UseAuthentication();
        edge?.Invoke(app);
        app.UseAuthorization();
        app.UseScopeEnforcement(app.Services.GetRequiredService<RunningService>().Name);
        app.UseIdempotencyKeys();
        app.MapHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapApiFallback();
        return app;
    }
}
