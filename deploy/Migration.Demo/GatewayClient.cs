using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Migration.Demo;

/// <summary>Talks to the system only through its gateway, with the demo clients' tokens, as an integrator does.</summary>
public sealed class GatewayClient(HttpClient http)
{
    private const string DemoSecret = "dev-secret";

    public HttpClient Http { get; } = http;

    /// <summary>Waits until the gateway and every service behind it are ready, then returns a client for them.</summary>
    public static async Task<GatewayClient> Connect(Uri gateway, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (ready.IsSuccessStatusCode) return new GatewayClient(http);
            }
            catch (HttpRequestException)
            {
                // The gateway is not listening yet.
            }

            Console.WriteLine($"Waiting for {gateway}health/ready …");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>A client credentials token of the demo client named after <paramref name="role"/>.</summary>
    public async Task<AuthenticationHeaderValue> TokenFor(string role, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = role,
            ["client_secret"] = DemoSecret,
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<Token>(cancellationToken);
        return new AuthenticationHeaderValue("Bearer", token!.AccessToken);
    }

    private sealed record Token([property: JsonPropertyName("access_token")] string AccessToken);
}
