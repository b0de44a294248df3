using Migration.Testing.Servers;

namespace Migration.Testing.Hosting;

public sealed partial class ProgramSystem
{
    private IReadOnlyDictionary<string, IReadOnlyList<ServiceProcess>>? instances;

    /// <summary>Every instance of each service, by service name (one each unless started with <see cref="StartReplicated"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ServiceProcess>> Instances
    {
        get => instances ??= Processes.ToDictionary(p => p.Key, p => (IReadOnlyList<ServiceProcess>)[p.Value]);
        private init => instances = value;
    }

    /// <summary>
    /// The whole system with <paramref name="replicas"/> instances of each of the four services on the same databases and
    /// virtual host (competing for the same queues, electing one async-daemon leader per projection), behind a gateway
    /// whose clusters list every instance, on the given <paramref name="servers"/> (e.g. a private pair a fault run restarts).
    /// The identity service runs once.
    /// </summary>
    /// <param name="serviceSettings">More settings of every instance of the four services (e.g. the nodes of a broker cluster).</param>
    public static async Task<ProgramSystem> StartReplicated(
        string purpose, ServerEndpoints servers, int replicas, IReadOnlyDictionary<string, string>? gatewaySettings = null,
        IReadOnlyDictionary<string, string>? serviceSettings = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        var isolation = await Isolation.Create(purpose, servers);
        var gatewayPort = FreePort.Next();
        var identityPort = FreePort.Next();
        var identity = ServiceSettings.Service(isolation, IdentityName, IdentityFolder, Trusting(gatewayPort, identityPort, null), identityPort);
        var services = Services.ToDictionary(s => s.Name, s => (IReadOnlyList<ServiceProcess>)
        [
            .. Enumerable.Range(0, replicas).Select(_ => ServiceSettings.Service(isolation, s.Name, s.Folder, Trusting(gatewayPort, identityPort, serviceSettings))),
        ]);

        // The first instances create the databases and schemas; the others then start on them together. Nine processes
        // starting at once on two cores take their time.
        var startup = TimeSpan.FromMinutes(4);
        ServiceProcess? gateway = null;
        try
        {
            await Task.WhenAll(services.Values.Select(i => i[0]).Append(identity).Select(s => s.Start(startup)));
            await Task.WhenAll(services.Values.SelectMany(i => i.Skip(1)).Select(s => s.Start(startup)));
            gateway = GatewayIn(identity, services, gatewayPort, gatewaySettings);
            await gateway.Start(startup);
        }
        catch
        {
            // Nothing started may outlive a failed start (xunit disposes no fixture whose initialisation failed).
            foreach (var process in services.Values.SelectMany(i => i).Append(identity).Append(gateway).OfType<ServiceProcess>()) await process.DisposeAsync();
            await isolation.DisposeAsync();
            throw;
        }

        return new ProgramSystem(isolation, identity, services.ToDictionary(s => s.Key, s => s.Value[0]), gateway) { Instances = services };
    }
}
