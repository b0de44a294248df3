namespace Migration.AppHost;

internal static class EndpointExtensions
{
    /// <summary>
    /// The project's "http" endpoint (from its launch profile) on a fixed port, not proxied by DCP, and the same
    /// address given to the process as <c>Urls</c>: the services' appsettings.json carry a <c>Urls</c> that would
    /// otherwise win over the ASPNETCORE_URLS Aspire sets.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithFixedHttpEndpoint(this IResourceBuilder<ProjectResource> project, int port, string host)
    {
        project.WithEndpoint("http", endpoint =>
        {
            endpoint.Port = port;
            endpoint.TargetPort = port;
            endpoint.IsProxied = false;
            endpoint.TargetHost = host;
        });
        return project.WithEnvironment("Urls", $"http://{host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
