using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Migration.Testing.Auth;

/// <summary>Tokens from the gateway's development token endpoint, as an integrator would get them (client credentials).</summary>
public sealed class GatewayTokens(Uri gateway)
{
    public const string DemoSecret = "dev-secret";
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();

    public Task<string> For(string clientId, string secret = DemoSecret) => _tokens.GetOrAdd($"{clientId}:{secret}", _ => Request(clientId, secret));

    /// <summary>A new token, not the cached one: for a caller that outlives a token's lifetime (30 minutes).</summary>
    public Task<string> Fresh(string clientId, string secret = DemoSecret) => Request(clientId, secret);

    private async Task<string> Request(string clientId, string secret)
    {
        using var client = new HttpClient { BaseAddress = gateway };
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
