using Migration.Testing.Auth;
using Migration.Testing.Servers;

namespace Migration.Testing.Hosting;

/// <summary>
/// The whole system for one test class: the identity service, the four services and the gateway as real processes, on
/// the class's own databases and RabbitMQ virtual host. Tests talk to it over real HTTP through the gateway, with tokens
/// the identity service issues; the gateway's address is the issuer, and every service reads the identity service's
/// keys from its metadata. (Services also trust the test run's own key, so tests can forge expired or misdirected tokens.)
/// As in production, each service's schema is applied by the deploy step before the service starts, and the services
/// themselves change no schema object.
/// </summary>
public sealed partial class ProgramSystem : IAsyncDisposable
{
    /// <summary>The services, by the name that is also their gateway cluster, and their project folders.</summary>
    public static readonly IReadOnlyList<(string Name, string Folder)> Services =
    [
        ("registry", "services/Migration.Registry"),
        ("relocation-case", "services/Migration.RelocationCase"),
        ("housing-allocation", "services/Migration.HousingAllocation"),
        ("subsidy-payment", "services/Migration.SubsidyPayment"),
    ];

    public const string IdentityName = "identity";
    public const string IdentityFolder = "services/Migration.Identity";

    private ProgramSystem(Isolation isolation, ServiceProcess identity, IReadOnlyDictionary<string, ServiceProcess> services, ServiceProcess gateway)
    {
        Isolation = isolation;
        Identity = identity;
        Processes = services;
        Gateway = gateway;
        Tokens = new GatewayTokens(gateway.Address);
    }

    public ServiceProcess Identity { get; }

    public Isolation Isolation { get; }

    /// <summary>The first (or only) instance of each service.</summary>
    public IReadOnlyDictionary<string, ServiceProcess> Processes { get; }

    public ServiceProcess Gateway { get; }

    public GatewayTokens Tokens { get; }

    /// <param name="identitySettings">Settings of the identity service, e.g. more API clients under <c>Identity:Clients</c>.</param>
    /// <param name="gatewayAt">The gateway's port chosen up front, when settings must name its address (the web application's redirects).</param>
    public static async Task<ProgramSystem> Start(
        string purpose, IReadOnlyDictionary<string, string>? gatewaySettings = null, IReadOnlyDictionary<string, string>? identitySettings = null, int? gatewayAt = null)
    {
        var isolation = await Isolation.Create(purpose);
        var gatewayPort = gatewayAt ?? FreePort.Next();
        var identityPort = FreePort.Next();
        var identity = ServiceSettings.Service(isolation, IdentityName, IdentityFolder, Trusting(gatewayPort, identityPort, identitySettings), identityPort);
        var services = Services.ToDictionary(s => s.Name, s => ServiceSettings.Service(
            isolation, s.Name, s.Folder, Trusting(gatewayPort, identityPort, new Dictionary<string, string>([SchemaStep.ProductionSetting]))));
        var gateway = GatewayIn(identity, services, gatewayPort, gatewaySettings);
        try
        {
            var identityStarted = identity.Start();
            await Task.WhenAll(services.Values.Select(SchemaStep.Apply));
            await Task.WhenAll(services.Values.Select(s => s.Start()).Append(identityStarted));
            await gateway.Start();
        }
        catch
        {
            // Nothing started may outlive a failed start (xunit disposes no fixture whose initialisation failed).
            foreach (var process in services.Values.Append(identity).Append(gateway)) await process.DisposeAsync();
            await isolation.DisposeAsync();
            throw;
        }

        return new ProgramSystem(isolation, identity, services, gateway);
    }

    /// <summary>
    /// Whose tokens a process trusts: the identity service's (the issuer is the gateway's address; the keys come from the
    /// identity service's metadata) and the test run's own.
    /// </summary>
    private static Dictionary<string, string> Trusting(int gatewayPort, int identityPort, IReadOnlyDictionary<string, string>? extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth:Issuer"] = $"http://127.0.0.1:{gatewayPort}/",
            ["Auth:AdditionalIssuers:0"] = TokenForger.Issuer,
            ["Auth:RequireHttpsMetadata"] = "false",
            ["Auth:MetadataAddress"] = $"http://127.0.0.1:{identityPort}/.well-known/openid-configuration",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        return settings;
    }

    /// <summary>
    /// One more gateway in front of the same services with settings of its own (a tiny rate limit, say), so that a test
    /// can change the edge without slowing or disturbing the others; the caller disposes it.
    /// </summary>
    public async Task<ServiceProcess> StartAnotherGateway(IReadOnlyDictionary<string, string> gatewaySettings)
    {
        var gateway = GatewayIn(Identity, Instances, FreePort.Next(), gatewaySettings);
        await gateway.Start();
        return gateway;
    }

    private static ServiceProcess GatewayIn(
        ServiceProcess identity, IReadOnlyDictionary<string, ServiceProcess> services, int port, IReadOnlyDictionary<string, string>? gatewaySettings) =>
        GatewayIn(identity, services.ToDictionary(s => s.Key, s => (IReadOnlyList<ServiceProcess>)[s.Value]), port, gatewaySettings);

    /// <summary>
    /// A gateway in front of the services, each instance a destination of the service's cluster; tokens name the first
    /// gateway as their issuer, whichever gateway carries them.
    /// </summary>
    private static ServiceProcess GatewayIn(
        ServiceProcess identity, IReadOnlyDictionary<string, IReadOnlyList<ServiceProcess>> services, int port, IReadOnlyDictionary<string, string>? gatewaySettings)
    {
        var settings = new Dictionary<string, string>();
        foreach (var (name, _) in Services)
        {
            for (var i = 0; i < services[name].Count; i++)
                settings[$"ReverseProxy:Clusters:{name}:Destinations:{(i == 0 ? "primary" : $"replica{i}")}:Address"] = services[name][i].Address.ToString();
        }

        settings[$"ReverseProxy:Clusters:{IdentityName}:Destinations:primary:Address"] = identity.Address.ToString();
        foreach (var (key, value) in identity.Settings.Where(s => s.Key.StartsWith("Auth:", StringComparison.Ordinal))) settings[key] = value;
        foreach (var (key, value) in gatewaySettings ?? new Dictionary<string, string>()) settings[key] = value;
        return new ServiceProcess("gateway", "gateway/Migration.Gateway", settings, port);
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
        foreach (var service in Instances.Values.SelectMany(i => i)) await service.DisposeAsync();
        await Identity.DisposeAsync();
        await Isolation.DisposeAsync();
    }
}
