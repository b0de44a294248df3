using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Reflection;
using Marten;
using MassTransit;
using Migration.ServiceDefaults.Messaging;
using Migration.Testing.Auth;
using Migration.Testing.Servers;
using Xunit;

namespace Migration.Testing.Hosting;

/// <summary>
/// One service as a real process on its own database and RabbitMQ virtual host, with a test bus that publishes into
/// that virtual host as the other services would, and collects every contract of the service's own namespace that it
/// publishes (found by reflection, so a new contract is collected without touching the fixture). Tests call the service
/// over HTTP with tokens of the roles they play.
/// </summary>
public abstract class ServiceUnderTest(string serviceName, string projectFolder, string contractsNamespace) : IAsyncLifetime
{
    private static readonly MethodInfo SubscribeMethod =
        typeof(ServiceUnderTest).GetMethod(nameof(Subscribe), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private IBusControl _bus = null!;

    public Isolation Isolation { get; private set; } = null!;

    public ServiceProcess Service { get; private set; } = null!;

    /// <summary>
    /// The service's database with its document mappings, when the fixture names them (<see cref="StoreConfiguration"/>):
    /// for reading what the service stored. It never creates or alters schema objects.
    /// </summary>
    public IDocumentStore Store { get; private set; } = null!;

    /// <summary>Every message the service published, in arrival order.</summary>
    public ConcurrentQueue<object> Published { get; } = new();

    /// <summary>The contracts the collector listens for: every record of the service's contracts namespace.</summary>
    public IReadOnlyList<Type> PublishedContracts { get; } =
    [
        .. typeof(Migration.Contracts.Registry.SettlementCertified).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == contractsNamespace && t is { IsClass: true, IsAbstract: false, IsGenericType: false }),
    ];

    public async Task InitializeAsync()
    {
        Isolation = await Isolation.Create(serviceName);
        _bus = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(Isolation.Broker);
            bus.ReceiveEndpoint($"{serviceName}-test-collector", endpoint =>
            {
                foreach (var contract in PublishedContracts) SubscribeMethod.MakeGenericMethod(contract).Invoke(this, [endpoint]);
            });
        });
        await _bus.StartAsync();
        Service = ServiceSettings.Service(Isolation, serviceName, projectFolder, Settings);
        await Service.Start();
        if (StoreConfiguration is { } configure)
        {
            Store = DocumentStore.For(options =>
            {
                configure(options);
                options.Connection(Isolation.Database(serviceName));
            });
        }

        await Started();
    }

    /// <summary>The service's own store configuration (its <c>…Store.Configure</c>), to read its documents in tests.</summary>
    protected virtual Action<StoreOptions>? StoreConfiguration => null;

    /// <summary>Whether the consumer <paramref name="consumer"/> (its class name) has handled message <paramref name="messageId"/>.</summary>
    public async Task<bool> Handled(string consumer, Guid messageId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<HandledMessage>(HandledMessage.KeyOf(consumer, messageId)) is not null;
    }

    /// <summary>Extra configuration of the service process.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>Runs once the service is ready (e.g. to open a store on its database).</summary>
    protected virtual Task Started() => Task.CompletedTask;

    /// <summary>Runs before the service stops.</summary>
    protected virtual Task Stopping() => Task.CompletedTask;

    /// <summary>Publishes a message into the service's virtual host, as another service would.</summary>
    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        _bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    /// <summary>
    /// Starts one more process of the service on the same database and virtual host, as a second replica would run
    /// (e.g. to race requests across instances); the caller disposes it.
    /// </summary>
    /// <param name="settings">Settings of this instance only, over the fixture's (e.g. a clock moved ahead).</param>
    public async Task<ServiceProcess> StartAnotherInstance(IReadOnlyDictionary<string, string>? settings = null)
    {
        var merged = new Dictionary<string, string>(Settings ?? new Dictionary<string, string>());
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) merged[key] = value;
        var instance = ServiceSettings.Service(Isolation, serviceName, projectFolder, merged);
        await instance.Start();
        return instance;
    }

    /// <summary>A client of the service (or of <paramref name="instance"/>) with a token of <paramref name="role"/>.</summary>
    public HttpClient Client(string role, string oblast = "*", string? caller = null, ServiceProcess? instance = null)
    {
        var client = new HttpClient { BaseAddress = (instance ?? Service).Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForger.Create(role, oblast, subject: caller));
        return client;
    }

    public async Task DisposeAsync()
    {
        // Fields stay null when InitializeAsync failed part-way; dispose what was made.
        await Stopping();
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
