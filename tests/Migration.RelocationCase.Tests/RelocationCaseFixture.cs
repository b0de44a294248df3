using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Reflection;
using Marten;
using MassTransit;
using Migration.Testing.Auth;
using Migration.Testing.Hosting;
using Migration.Testing.Servers;
using CaseContracts = Migration.Contracts.RelocationCase;

namespace Migration.RelocationCase.Tests;

/// <summary>
/// The relocation-case service as a real process on its own database and virtual host. A test bus publishes into that
/// virtual host as the registry or the housing service would, and collects every integration event the service
/// publishes. <see cref="Store"/> reads the service's documents directly (it never creates or alters schema objects).
/// Tests call the service over HTTP with tokens of the roles they play.
/// </summary>
public sealed class RelocationCaseFixture : IAsyncLifetime
{
    private IBusControl _bus = null!;

    public Isolation Isolation { get; private set; } = null!;

    public ServiceProcess Service { get; private set; } = null!;

    /// <summary>The service's database, with its document mappings (<see cref="RelocationCaseStore"/>).</summary>
    public IDocumentStore Store { get; private set; } = null!;

    /// <summary>Every message the service published, in arrival order.</summary>
    public ConcurrentQueue<object> Published { get; } = new();

    /// <summary>
    /// What the collector listens for: every record of <c>Migration.Contracts.RelocationCase</c>, the service's published
    /// contracts, found by reflection so that a contract added there is collected without touching the fixture.
    /// </summary>
    public static IReadOnlyList<Type> PublishedContracts { get; } =
    [
        .. typeof(CaseContracts.MoveConfirmed).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(CaseContracts.MoveConfirmed).Namespace && t is { IsClass: true, IsAbstract: false, IsGenericType: false }),
    ];

    private static readonly MethodInfo SubscribeMethod =
        typeof(RelocationCaseFixture).GetMethod(nameof(Subscribe), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public async Task InitializeAsync()
    {
        Isolation = await Isolation.Create("relocationcase");
        _bus = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(Isolation.Broker);
            bus.ReceiveEndpoint("relocation-case-test-collector", endpoint =>
            {
                foreach (var contract in PublishedContracts) SubscribeMethod.MakeGenericMethod(contract).Invoke(this, [endpoint]);
            });
        });
        await _bus.StartAsync();
        Service = ServiceSettings.Service(Isolation, RelocationCaseService.Name, "services/Migration.RelocationCase");
        await Service.Start();
        Store = DocumentStore.For(options =>
        {
            RelocationCaseStore.Configure(options);
            options.Connection(Isolation.Database(RelocationCaseService.Name));
        });
    }

    /// <summary>Publishes a message into the service's virtual host, as another service would.</summary>
    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        _bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    public HttpClient Client(string role, string oblast = "*", string? caller = null)
    {
        var client = new HttpClient { BaseAddress = Service.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForger.Create(role, oblast, subject: caller));
        return client;
    }

    /// <summary>Whether the consumer <paramref name="consumer"/> (its class name) has handled message <paramref name="messageId"/>.</summary>
    public async Task<bool> Handled(string consumer, Guid messageId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<Migration.ServiceDefaults.Messaging.HandledMessage>(
            Migration.ServiceDefaults.Messaging.HandledMessage.KeyOf(consumer, messageId)) is not null;
    }

    public async Task DisposeAsync()
    {
        // Fields stay null when InitializeAsync failed part-way; dispose what was made.
        Store?.Dispose();
        if (Service is not null) await Service.DisposeAsync();
        if (_bus is not null) await _bus.StopAsync();
        if (Isolation is not null) await Isolation.DisposeAsync();
    }

    private void Subscribe<T>(IReceiveEndpointConfigurator endpoint) where T : class => endpoint.Handler<T>(Keep);

    private Task Keep<T>(ConsumeContext<T> context) where T : class
    {
        Published.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RelocationCaseRun : ICollectionFixture<RelocationCaseFixture>
{
    public const string Name = "relocation-case";
}
