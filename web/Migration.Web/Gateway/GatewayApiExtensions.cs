namespace Migration.Web.Gateway;

public static class GatewayApiExtensions
{
    /// <summary>The gateway's API as the circuit's staff member; one HTTP client configuration for every call.</summary>
    public static WebApplicationBuilder AddGatewayApi(this WebApplicationBuilder builder, WebSettings settings)
    {
        builder.Services.AddHttpClient<GatewayApi>(GatewayApi.HttpClientName, client =>
        {
            client.BaseAddress = new Uri(settings.GatewayAddress.ToString().TrimEnd('/') + "/");
            client.Timeout = TimeSpan.FromSeconds(60);
        });
        return builder;
    }
}
