using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Migration.ServiceDefaults.Messaging;
using Migration.Testing.Hosting;
using Migration.Testing.Servers;

namespace Migration.Plumbing.Tests;

/// <summary>
/// The broker's nodes (<c>Messaging:BrokerNodes</c>): read as a list or one comma-separated value, refused when an entry
/// is not host:port, and used: a bus whose first node is down connects through the next.
/// </summary>
public sealed class BrokerNodesTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Nodes_are_read_as_a_list_or_as_one_comma_separated_value()
    {
        Assert.Equal(["10.0.0.1:5672", "10.0.0.2:5673"],
            BrokerNodes.From(Settings(("Messaging:BrokerNodes:0", "10.0.0.1:5672"), ("Messaging:BrokerNodes:1", "10.0.0.2:5673"))).Addresses);
        Assert.Equal(["rabbit-0.broker:5672", "rabbit-1.broker:5672", "rabbit-2.broker:5672"],
            BrokerNodes.From(Settings(("Messaging:BrokerNodes", "rabbit-0.broker:5672, rabbit-1.broker:5672,rabbit-2.broker:5672"))).Addresses);
        Assert.Empty(BrokerNodes.From(Settings()).Addresses);
    }

    [Theory]
    [InlineData("rabbit-0.broker")]
    [InlineData("rabbit-0.broker:amqp")]
    [InlineData(":5672")]
    [InlineData("rabbit-0.broker:0")]
    [InlineData("rabbit-0.broker:70000")]
    public void An_entry_that_is_not_host_and_port_is_refused_at_start(string entry)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => BrokerNodes.From(Settings(("Messaging:BrokerNodes", $"10.0.0.1:5672,{entry}"))));
        Assert.Contains(entry, refused.Message, StringComparison.Ordinal);
        Assert.Contains(BrokerNodes.Section, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bus_whose_first_node_is_down_connects_through_the_next()
    {
        await using var isolation = await Isolation.Create("brokernodes");
        var down = $"127.0.0.1:{FreePort.Next()}";
        var broker = isolation.Broker;
        var builder = Host.CreateApplicationBuilder();
        // The connection string's own host is down too: only the node list can lead to the broker.
        builder.Configuration[$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = new UriBuilder(broker) { Port = FreePort.Next() }.Uri.ToString();
        builder.Configuration[BrokerNodes.Section] = $"{down},{broker.Host}:{broker.Port}";
        builder.AddMessaging("brokernodes");
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
            Assert.Equal(BusHealthStatus.Healthy, health);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
