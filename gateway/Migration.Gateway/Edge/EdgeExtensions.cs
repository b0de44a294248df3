namespace Migration.Gateway.Edge;

/// <summary>
/// What the gateway does to every request before it reaches a service: strict browser headers, CORS for the web
/// application only, a request budget per client, and the per-route timeouts named in the <c>ReverseProxy</c> routes
/// (their body size limits are applied by YARP itself).
/// </summary>
public static class EdgeExtensions
{
    public static WebApplicationBuilder AddEdgeProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddWebOriginCors(builder.Configuration[WebOriginCors.Setting]);
        builder.Services.AddClientRateLimits(builder.Configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings());
        builder.Services.AddRequestTimeouts();
        return builder;
    }

    /// <summary>Runs after authentication (rate limits partition by the token's client) and before authorization.</summary>
    public static IApplicationBuilder UseEdgeProtection(this IApplicationBuilder app) => app
        .UseMiddleware<SecurityHeaders>()
        .UseCors(WebOriginCors.PolicyName)
        .UseRateLimiter()
        .UseRequestTimeouts();
}
