using System.Collections.Concurrent;
using System.Net.Http.Headers;
using MassTransit;
using Migration.Testing.Auth;
using Migration.Testing.Hosting;
using Migration.Testing.Servers;

namespace Migration.Registry.Tests;

/// <summary>
/// The registry as a real process on its own database and virtual host, with a collector that records every
/// integration event it publishes. Tests call it over HTTP with tokens of the roles they play.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private IBusControl _collector = null!;

    public Isolation Isolation { get; private set; } = null!;

    public ServiceProcess Registry { get; private set; } = null!;

    /// <summary>Every message the registry published, in arrival order.</summary>
    public ConcurrentQueue<object> Published { get; } = new();

    public async Task InitializeAsync()
    {
        Isolation = await Isolation.Create("registry");
        _collector = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(Isolation.Broker);
            bus.ReceiveEndpoint("registry-test-collector", endpoint =>
            {
                endpoint.Handler<Migration.Contracts.Registry.SettlementCertified>(Keep);
                endpoint.Handler<Migration.Contracts.Registry.SettlementPotentialReclassified>(Keep);
                endpoint.Handler<Migration.Contracts.Registry.HouseholdRegistered>(Keep);
                endpoint.Handler<Migration.Contracts.Registry.HouseholdMembershipChanged>(Keep);
                endpoint.Handler<Migration.Contracts.Registry.HouseholdMoved>(Keep);
                endpoint.Handler<Migration.Contracts.Registry.VacancyDeclared>(Keep);
                endpoint.Handler<Migration.Contracts.Registry.VacancyChanged>(Keep);
                endpoint.Handler<Migration.Contracts.Registry.VacancyClosed>(Keep);
            });
        });
        await _collector.StartAsync();
        Registry = ServiceSettings.Service(Isolation, "registry", "services/Migration.Registry");
        await Registry.Start();
    }

    /// <summary>Publishes a message into the registry's virtual host, as another service would.</summary>
    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        _collector.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    public HttpClient Client(string role, string oblast = "*", string? caller = null)
    {
        var client = new HttpClient { BaseAddress = Registry.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForger.Create(role, oblast, subject: caller));
        return client;
    }

    public async Task DisposeAsync()
    {
        // Fields stay null when InitializeAsync failed part-way; dispose what was made.
        if (Registry is not null) await Registry.DisposeAsync();
        if (_collector is not null) await _collector.StopAsync();
        if (Isolation is not null) await Isolation.DisposeAsync();
    }

    private Task Keep<T>(ConsumeContext<T> context) where T : class
    {
        Published.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RegistryRun : ICollectionFixture<RegistryFixture>
{
    public const string Name = "registry";
}
