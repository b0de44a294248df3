using Migration.Testing.Auth;
using Migration.Testing.Servers;

namespace Migration.Testing.Hosting;

/// <summary>
/// The whole system for one test class: the four services and the gateway as real processes, on the class's own
/// databases and RabbitMQ virtual host. Tests talk to it over real HTTP through the gateway.
/// </summary>
public sealed class ProgramSystem : IAsyncDisposable
{
    /// <summary>The services, by the name that is also their gateway cluster, and their project folders.</summary>
    public static readonly IReadOnlyList<(string Name, string Folder)> Services =
    [
        ("registry", "services/Migration.Registry"),
        ("relocation-case", "services/Migration.RelocationCase"),
        ("housing-allocation", "services/Migration.HousingAllocation"),
        ("subsidy-payment", "services/Migration.SubsidyPayment"),
    ];

    private ProgramSystem(Isolation isolation, IReadOnlyDictionary<string, ServiceProcess> services, ServiceProcess gateway)
    {
        Isolation = isolation;
        Processes = services;
        Gateway = gateway;
        Tokens = new GatewayTokens(gateway.Address);
    }

    public Isolation Isolation { get; }

    public IReadOnlyDictionary<string, ServiceProcess> Processes { get; }

    public ServiceProcess Gateway { get; }

    public GatewayTokens Tokens { get; }

    public static async Task<ProgramSystem> Start(string purpose, IReadOnlyDictionary<string, string>? gatewaySettings = null)
    {
        var isolation = await Isolation.Create(purpose);
        var services = Services.ToDictionary(s => s.Name, s => ServiceSettings.Service(isolation, s.Name, s.Folder));
        await Task.WhenAll(services.Values.Select(s => s.Start()));

        var gateway = GatewayIn(services, gatewaySettings);
        await gateway.Start();
        return new ProgramSystem(isolation, services, gateway);
    }

    /// <summary>
    /// One more gateway in front of the same services with settings of its own (a tiny rate limit, say), so that a test
    /// can change the edge without slowing or disturbing the others; the caller disposes it.
    /// </summary>
    public async Task<ServiceProcess> StartAnotherGateway(IReadOnlyDictionary<string, string> gatewaySettings)
    {
        var gateway = GatewayIn(Processes, gatewaySettings);
        await gateway.Start();
        return gateway;
    }

    private static ServiceProcess GatewayIn(IReadOnlyDictionary<string, ServiceProcess> services, IReadOnlyDictionary<string, string>? gatewaySettings)
    {
        var settings = new Dictionary<string, string>(gatewaySettings ?? new Dictionary<string, string>());
        foreach (var (name, _) in Services)
            settings[$"ReverseProxy:Clusters:{name}:Destinations:primary:Address"] = services[name].Address.ToString();
        return new ServiceProcess("gateway", "gateway/Migration.Gateway", settings);
    }

    /// <summary>An HTTP client for the gateway carrying a token of <paramref name="clientId"/> (a demo client), or none.</summary>
    public async Task<HttpClient> Client(string? clientId = null)
    {
        var client = new HttpClient { BaseAddress = Gateway.Address, Timeout = TimeSpan.FromSeconds(30) };
        if (clientId is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", await Tokens.For(clientId));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var service in Processes.Values) await service.DisposeAsync();
        await Isolation.DisposeAsync();
    }
}
