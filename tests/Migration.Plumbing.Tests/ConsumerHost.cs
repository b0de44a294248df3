using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;
using Migration.Testing.Servers;

namespace Migration.Plumbing.Tests;

/// <summary>
/// A service-shaped host built with the shared plumbing alone (event store, bus, inbox) around test consumers,
/// on real PostgreSQL and RabbitMQ, in the test class's own database and virtual host.
/// </summary>
public sealed class ConsumerHost : IAsyncDisposable
{
    private ConsumerHost(IHost host, Isolation isolation)
    {
        Host = host;
        Isolation = isolation;
    }

    public IHost Host { get; }

    public Isolation Isolation { get; }

    public IBus Bus => Host.Services.GetRequiredService<IBus>();

    public static async Task<ConsumerHost> Start(string name, Action<IBusRegistrationConfigurator> consumers, Action<IServiceCollection>? services = null)
    {
        var isolation = await Isolation.Create(name);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{EventStoreExtensions.ConnectionName}"] = isolation.Database(name);
        builder.Configuration[$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = isolation.Broker.ToString();
        builder.Configuration["Messaging:RetryIntervals:0"] = "00:00:00.020";
        builder.Configuration["Messaging:RetryIntervals:1"] = "00:00:00.040";
        builder.Configuration["Messaging:RetryIntervals:2"] = "00:00:00.080";
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.AddEventStore(name, _ => { });
        builder.AddMessaging(name, consumers);
        services?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        return new ConsumerHost(host, isolation);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Isolation.DisposeAsync();
    }
}
