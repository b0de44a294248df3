using MassTransit;
using RabbitMQ.Client;

namespace Migration.ServiceDefaults.Messaging;

/// <summary>
/// The nodes of a RabbitMQ cluster a service connects to, from <c>Messaging:BrokerNodes</c>: <c>host:port</c> entries, as
/// a list (<c>Messaging:BrokerNodes:0</c>, <c>:1</c>, …) or one comma-separated value. The connection string still
/// gives the user, the password and the virtual host. Without nodes, the service connects to the connection string's
/// one host, as before. With them, a lost connection is made again to whichever node answers, so a node can die.
/// </summary>
public sealed class BrokerNodes
{
    public const string Section = "Messaging:BrokerNodes";

    private BrokerNodes(IReadOnlyList<string> addresses) => Addresses = addresses;

    /// <summary>The <c>host:port</c> of every node; empty for a single broker.</summary>
    public IReadOnlyList<string> Addresses { get; }

    public static BrokerNodes From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var entries = section.Value is { } joined
            ? joined.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        foreach (var entry in entries)
        {
            var colon = entry.LastIndexOf(':');
            if (colon <= 0 || !ushort.TryParse(entry[(colon + 1)..], out var port) || port == 0)
                throw new InvalidOperationException($"{Section}: '{entry}' is not host:port.");
        }

        return new BrokerNodes(entries);
    }

    /// <summary>MassTransit connects to the cluster's nodes (when there are nodes).</summary>
    public void Apply(IRabbitMqHostConfigurator host)
    {
        if (Addresses.Count == 0) return;
        host.UseCluster(cluster =>
        {
            foreach (var address in Addresses) cluster.Node(address);
        });
    }

    /// <summary>A connection of the RabbitMQ client of its own (operations on the error queues), to any node that answers.</summary>
    public Task<IConnection> Connect(ConnectionFactory factory, CancellationToken cancellationToken) =>
        Addresses.Count == 0
            ? factory.CreateConnectionAsync(cancellationToken)
            : factory.CreateConnectionAsync(Addresses.Select(a => AmqpTcpEndpoint.Parse(a)).ToList(), cancellationToken);
}
