using Migration.ServiceDefaults.Correlation;
using Migration.ServiceDefaults.Idempotency;

namespace Migration.Gateway.Edge;

/// <summary>
/// Cross-origin calls are allowed for the program's own web application only (<c>Gateway:WebOrigin</c>); without
/// that setting no origin is allowed. Integrators call from servers, where CORS does not apply.
/// </summary>
public static class WebOriginCors
{
    public const string Setting = "Gateway:WebOrigin";
    public const string PolicyName = "web-application";

    public static IServiceCollection AddWebOriginCors(this IServiceCollection services, string? webOrigin)
    {
        services.AddCors(options => options.AddPolicy(PolicyName, policy =>
        {
            if (!string.IsNullOrWhiteSpace(webOrigin)) policy.WithOrigins(webOrigin.TrimEnd('/'));
            policy.WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)
                .WithHeaders("Authorization", "Content-Type", "Accept", "If-Match", IdempotencyMiddleware.HeaderName, CorrelationMiddleware.HeaderName)
                .WithExposedHeaders("Location", "ETag", "Retry-After", CorrelationMiddleware.HeaderName, IdempotencyMiddleware.ReplayedHeaderName)
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        }));
        return services;
    }
}
