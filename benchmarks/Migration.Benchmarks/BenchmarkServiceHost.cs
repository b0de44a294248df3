using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;
using Migration.Testing.Servers;

namespace Migration.Benchmarks;

/// <summary>
/// A service-shaped generic host inside the benchmark process, built with the services' own plumbing (the caller adds
/// <c>AddEventStore</c>, <c>ForwardIntegrationEvents</c>, <c>AddMessaging</c>) on a database and virtual host of its
/// isolation: in-process, so both the raw run and the system's run pay the same process boundaries (none but the broker's
/// and the database's), and the comparison isolates what the event store and the inbox add.
/// </summary>
public sealed class BenchmarkServiceHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchmarkServiceHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    /// <param name="isolation">Where its database and virtual host are.</param>
    /// <param name="name">The service's name: its database, queue prefix and connection name.</param>
    /// <param name="settings">Configuration beside the connection strings (e.g. <c>Messaging:ConcurrentMessageLimit</c>).</param>
    /// <param name="configure">The service's registrations.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<BenchmarkServiceHost> Start(
        Isolation isolation, string name, IReadOnlyDictionary<string, string?> settings, Action<HostApplicationBuilder> configure, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration[$"ConnectionStrings:{EventStoreExtensions.ConnectionName}"] = isolation.Database(name);
        builder.Configuration[$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = isolation.Broker.ToString();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        configure(builder);

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        // AddMessaging does not wait for the bus: the consumers' queues must be bound before the first publish.
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        return new BenchmarkServiceHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
