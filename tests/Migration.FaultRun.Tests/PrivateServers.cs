using Migration.Testing.Hosting;
using Migration.Testing.Servers;

namespace Migration.FaultRun.Tests;

/// <summary>
/// A PostgreSQL and RabbitMQ pair of the fault run's own, started by <c>deploy/local/servers.sh</c> in its own folder
/// (<c>.local/fault-run</c>) on free ports, so that restarting them never disturbs the test classes that share the test
/// run's servers. Stopped when disposed; the ports are remembered so that a pair left by an aborted run is stopped first.
/// </summary>
public sealed class PrivateServers : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;

    private PrivateServers(Dictionary<string, string> environment, ServerEndpoints endpoints)
    {
        this.environment = environment;
        Endpoints = endpoints;
    }

    public ServerEndpoints Endpoints { get; }

    public static async Task<PrivateServers> Start(string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, ".local", name);
        Directory.CreateDirectory(folder);
        var portsFile = Path.Combine(folder, "ports.env");
        if (File.Exists(portsFile))
            await Run(LocalScript.Recall(portsFile), "stop"); // a pair an aborted run left behind

        var taken = new HashSet<int>();
        var environment = new Dictionary<string, string>
        {
            ["MIGRATION_LOCAL_DIR"] = folder,
            ["MIGRATION_PG_PORT"] = Free(taken).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MIGRATION_RABBIT_PORT"] = Free(taken).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MIGRATION_RABBIT_MGMT_PORT"] = Free(taken).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MIGRATION_EPMD_PORT"] = Free(taken).ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The CLI tools take the distribution port + 10000 … + 10010: all of them must be free too.
            ["MIGRATION_RABBIT_DIST_PORT"] = Free(taken, alsoFree: p => Enumerable.Range(p + 10000, 11)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await LocalScript.Remember(portsFile, environment);
        await Run(environment, "start");
        var exports = (await Run(environment, "env"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Replace("export ", "", StringComparison.Ordinal).Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\''));
        return new PrivateServers(environment, new ServerEndpoints(
            exports["MIGRATION_POSTGRES"], new Uri(exports["MIGRATION_RABBITMQ"]), new Uri(exports["MIGRATION_RABBITMQ_MANAGEMENT"])));
    }

    /// <summary>Stops PostgreSQL (fast shutdown: every connection cut), keeps it down for <paramref name="down"/>, starts it again.</summary>
    public Task RestartPostgres(TimeSpan down) => Run(environment, "restart-postgres", ((int)down.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Shuts the RabbitMQ node down, keeps it down for <paramref name="down"/>, boots it again and waits until it is up.</summary>
    public Task RestartRabbitMq(TimeSpan down) => Run(environment, "restart-rabbitmq", ((int)down.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync() => await Run(environment, "stop");

    /// <summary>
    /// A loopback port nothing listens on, below the range the system hands out for outgoing connections (so that
    /// no client connection takes it while the server restarts).
    /// </summary>
    private static int Free(HashSet<int> taken, Func<int, IEnumerable<int>>? alsoFree = null)
    {
        for (var port = 20000 + Random.Shared.Next(0, 9000); port < 30000; port++)
        {
            if (taken.Contains(port) || !FreePort.IsFree(port) || (alsoFree?.Invoke(port).Any(p => !FreePort.IsFree(p)) ?? false)) continue;
            taken.Add(port);
            return port;
        }

        throw new InvalidOperationException("No free port between 20000 and 30000.");
    }

    private static Task<string> Run(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        LocalScript.Run("servers.sh", environment, arguments);
}
