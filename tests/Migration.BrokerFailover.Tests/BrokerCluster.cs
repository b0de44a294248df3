using System.Globalization;
using Migration.Testing.Hosting;
using Migration.Testing.Servers;

namespace Migration.BrokerFailover.Tests;

/// <summary>
/// A three-node RabbitMQ cluster of the failover run's own, started by <c>deploy/local/broker-cluster.sh</c> in its own
/// folder (<c>.local/broker-failover</c>) on free ports, with the test run's PostgreSQL beside it. Nodes can be killed;
/// the cluster is stopped when disposed, and one left by an aborted run is stopped before a new one starts.
/// </summary>
public sealed class BrokerCluster : IAsyncDisposable
{
    public const int NodeCount = 3;
    private readonly Dictionary<string, string> environment;

    private BrokerCluster(Dictionary<string, string> environment, string postgres, int amqp, int management)
    {
        this.environment = environment;
        Nodes = [.. Enumerable.Range(0, NodeCount).Select(i => $"127.0.0.1:{amqp + i}")];
        Management = [.. Enumerable.Range(0, NodeCount).Select(i => new Uri($"http://guest:guest@127.0.0.1:{management + i}/"))];
        Endpoints = new ServerEndpoints(postgres, new Uri($"amqp://guest:guest@{Nodes[0]}/"), Management[^1]);
    }

    /// <summary>The test run's PostgreSQL, the first node's AMQP address, and the last node's management API.</summary>
    public ServerEndpoints Endpoints { get; }

    /// <summary>Every node's <c>host:port</c>, node 1 first (what the services get as <c>Messaging:BrokerNodes</c>).</summary>
    public IReadOnlyList<string> Nodes { get; }

    /// <summary>Every node's management API.</summary>
    public IReadOnlyList<Uri> Management { get; }

    /// <summary>The node name RabbitMQ knows node <paramref name="number"/> (1-based) by.</summary>
    public static string NodeName(int number) => $"migration-{number}@localhost";

    public static int NodeNumber(string nodeName) =>
        int.Parse(nodeName["migration-".Length..nodeName.IndexOf('@', StringComparison.Ordinal)], CultureInfo.InvariantCulture);

    public static async Task<BrokerCluster> Start(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, ".local", name);
        Directory.CreateDirectory(folder);
        var portsFile = Path.Combine(folder, "ports.env");
        if (File.Exists(portsFile))
            await Run(LocalScript.Recall(portsFile), "stop"); // a cluster an aborted run left behind

        var first = FreeBase();
        var environment = new Dictionary<string, string>
        {
            ["MIGRATION_LOCAL_DIR"] = folder,
            ["MIGRATION_CLUSTER_NODES"] = NodeCount.ToString(CultureInfo.InvariantCulture),
            ["MIGRATION_CLUSTER_AMQP_PORT"] = Text(first),
            ["MIGRATION_CLUSTER_MGMT_PORT"] = Text(first + NodeCount),
            ["MIGRATION_CLUSTER_DIST_PORT"] = Text(first + (2 * NodeCount)),
            ["MIGRATION_CLUSTER_EPMD_PORT"] = Text(first + (3 * NodeCount)),
        };
        await LocalScript.Remember(portsFile, environment);
        var postgres = (await TestServers.Get()).Postgres;
        try
        {
            await Run(environment, "start");
        }
        catch
        {
            await Run(environment, "stop");
            throw;
        }

        return new BrokerCluster(environment, postgres, first, first + NodeCount);
    }

    /// <summary>SIGKILL to node <paramref name="number"/>'s Erlang VM: its connections drop, its queue replicas go.</summary>
    public async Task Kill(int number)
    {
        await Run(environment, "kill-node", Text(number));
        Killed.Add(number);
    }

    /// <summary>The nodes killed and not started again.</summary>
    public HashSet<int> Killed { get; } = [];

    /// <summary>Boots every killed node again; they rejoin the cluster (deleting a virtual host waits for all its nodes).</summary>
    public async Task Revive()
    {
        foreach (var number in Killed.ToList())
        {
            await Run(environment, "start-node", Text(number));
            Killed.Remove(number);
        }
    }

    public async ValueTask DisposeAsync() => await Run(environment, "stop");

    private static Task<string> Run(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        LocalScript.Run("broker-cluster.sh", environment, arguments);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The first of 3 × <see cref="NodeCount"/> + 1 consecutive free loopback ports (AMQP, management, distribution,
    /// epmd), with the distribution ports + 10000 … + 10012 free for the CLI tools, all below the ephemeral range.
    /// </summary>
    private static int FreeBase()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = 20000 + (Random.Shared.Next(0, 270) * 10);
            var ports = Enumerable.Range(first, (3 * NodeCount) + 1).Concat(Enumerable.Range(first + (2 * NodeCount) + 10000, 13));
            if (ports.All(FreePort.IsFree)) return first;
        }

        throw new InvalidOperationException("No free range of ports between 20000 and 32800.");
    }
}
