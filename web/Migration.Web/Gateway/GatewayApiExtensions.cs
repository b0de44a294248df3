namespace Migration.Web.Gateway;

public static class GatewayApiExtensions
{
    /// <summary>The gateway's API as the circuit's staff member; one HTTP client configuration for every call.</summary>
    public static WebApplicationBuilder AddGatewayApi(this WebApplicationBuilder builder, WebSettings settings)
    {
        void Configure(HttpClient client)
        {
            client.BaseAddress = new Uri(settings.GatewayAddress.ToString().TrimEnd('/') + "/");
            client.Timeout = TimeSpan.FromSeconds(300);   // a bank statement of 50 MB, a batch of 5,000 payments
        }

        builder.Services.AddHttpClient<GatewayApi>(GatewayApi.HttpClientName, Configure);
        builder.Services.AddHttpClient(GatewayApi.HttpClientName, Configure);
        return builder;
    }
}
