using System.Globalization;
using Migration.Testing.Auth;
using Migration.Testing.Hosting;

namespace Migration.EndToEnd.Tests.Authorization;

/// <summary>
/// A second gateway in front of the shared services that also knows demo clients scoped to a single oblast
/// (<c>DevelopmentTokens:Clients</c>), named <c>{role}-{oblast}</c>: the way an akimat's staff would be set up.
/// </summary>
internal sealed class OblastClients : IAsyncDisposable
{
    private readonly ServiceProcess _gateway;
    private readonly GatewayTokens _tokens;

    private OblastClients(ServiceProcess gateway)
    {
        _gateway = gateway;
        _tokens = new GatewayTokens(gateway.Address);
    }

    public static async Task<OblastClients> Start(ProgramSystem system, params (string Role, string Oblast)[] clients)
    {
        var settings = new Dictionary<string, string>();
        foreach (var (client, i) in clients.Select((c, i) => (c, i.ToString(CultureInfo.InvariantCulture))))
        {
            settings[$"DevelopmentTokens:Clients:{i}:ClientId"] = $"{client.Role}-{client.Oblast}";
            settings[$"DevelopmentTokens:Clients:{i}:Secret"] = GatewayTokens.DemoSecret;
            settings[$"DevelopmentTokens:Clients:{i}:Role"] = client.Role;
            settings[$"DevelopmentTokens:Clients:{i}:Oblast"] = client.Oblast;
        }

        return new OblastClients(await system.StartAnotherGateway(settings));
    }

    /// <summary>A client of this gateway: <paramref name="oblast"/> <c>null</c> for the role's demo client of every oblast.</summary>
    public async Task<HttpClient> Client(string role, string? oblast = null)
    {
        var client = new HttpClient { BaseAddress = _gateway.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await _tokens.For(oblast is null ? role : $"{role}-{oblast}"));
        return client;
    }

    public ValueTask DisposeAsync() => _gateway.DisposeAsync();
}
