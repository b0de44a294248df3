using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Testing.Auth;
using Migration.Testing.Hosting;

namespace Migration.EndToEnd.Tests.Authorization;

/// <summary>
/// API clients scoped to a single oblast, registered by the admin through the identity service's API the way an
/// akimat's system would be set up, named <c>{role}-{oblast}-{run}</c>; their tokens come from <c>/connect/token</c>.
/// </summary>
internal sealed class OblastClients(ProgramSystem system, IReadOnlyDictionary<string, string> secrets, string run) : IAsyncDisposable
{
    private readonly GatewayTokens _tokens = new(system.Gateway.Address);

    public static async Task<OblastClients> Start(ProgramSystem system, params (string Role, string Oblast)[] clients)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var admin = await system.Client("admin");
        var secrets = new Dictionary<string, string>();
        foreach (var (role, oblast) in clients)
        {
            var clientId = $"{role}-{oblast}-{run}";
            using var created = await admin.PostAsJsonAsync("/api/identity/clients", new { clientId, displayName = $"{role} of oblast {oblast}", role, oblast });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            secrets[clientId] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        }

        return new OblastClients(system, secrets, run);
    }

    /// <summary>A client of the gateway: <paramref name="oblast"/> <c>null</c> for the role's demo client of every oblast.</summary>
    public async Task<HttpClient> Client(string role, string? oblast = null)
    {
        var client = new HttpClient { BaseAddress = system.Gateway.Address, Timeout = TimeSpan.FromSeconds(30) };
        var token = oblast is null ? await _tokens.For(role) : await _tokens.For($"{role}-{oblast}-{run}", secrets[$"{role}-{oblast}-{run}"]);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
