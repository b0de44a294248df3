using Migration.ServiceDefaults.Health;
using Yarp.ReverseProxy.Configuration;

namespace Migration.Gateway.Proxy;

public static class ServiceProxyExtensions
{
    /// <summary>The policy every <c>/api</c> route names: a valid token, whatever the role (services check roles).</summary>
    public const string ApiCallerPolicy = "api-caller";

    /// <summary>Cluster metadata <c>Readiness: optional</c>: the gateway's readiness does not wait for it (the web application).</summary>
    public const string OptionalReadiness = "optional";

    /// <summary>
    /// YARP routes <c>/api/registry</c>, <c>/api/cases</c>, <c>/api/housing</c> and <c>/api/payments</c> to the services
    /// named in the <c>ReverseProxy</c> configuration; the gateway is ready when every service behind it has a ready instance.
    /// </summary>
    public static WebApplicationBuilder AddServiceProxy(this WebApplicationBuilder builder)
    {
        var proxy = builder.Configuration.GetSection("ReverseProxy");
        builder.Services.AddReverseProxy().LoadFromConfig(proxy);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiCallerPolicy, policy => policy.RequireAuthenticatedUser());

        builder.Services.AddHttpClient(ServiceReadinessCheck.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(3));
        var health = builder.Services.AddHealthChecks();
        foreach (var cluster in proxy.GetSection("Clusters").GetChildren().Where(c => c["Metadata:Readiness"] != OptionalReadiness))
        {
            var addresses = cluster.GetSection("Destinations").GetChildren().Select(d => d["Address"]).OfType<string>().Select(a => new Uri(a)).ToList();
            if (addresses.Count == 0) throw new InvalidOperationException($"Cluster {cluster.Key} has no destination address.");
            health.AddTypeActivatedCheck<ServiceReadinessCheck>(cluster.Key, failureStatus: null, tags: [HealthExtensions.Ready], args: addresses);
        }

        return builder;
    }

    public static WebApplication MapServiceProxy(this WebApplication app)
    {
        var routes = app.Services.GetRequiredService<IProxyConfigProvider>().GetConfig().Routes;
        var unprotected = routes.Where(r => string.IsNullOrEmpty(r.AuthorizationPolicy)).Select(r => r.RouteId).ToList();
        if (unprotected.Count > 0)
            throw new InvalidOperationException($"Every gateway route must name an authorisation policy; these do not: {string.Join(", ", unprotected)}.");
        app.MapReverseProxy();
        return app;
    }
}
