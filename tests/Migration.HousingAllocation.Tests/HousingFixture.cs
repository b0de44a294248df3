using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Reflection;
using Marten;
using MassTransit;
using Migration.Testing.Auth;
using Migration.Testing.Hosting;
using Migration.Testing.Servers;
using HousingContracts = Migration.Contracts.HousingAllocation;

namespace Migration.HousingAllocation.Tests;

/// <summary>
/// The housing-allocation service as TWO real processes on one database and one virtual host, consuming from the same
/// queues as two production instances would. A test bus publishes into that virtual host as the registry and the
/// relocation-case service would, and collects every integration event the service publishes. <see cref="Store"/> opens
/// the service's database with its own mappings and projections (it never creates or alters schema objects).
/// </summary>
public sealed class HousingFixture : IAsyncLifetime
{
    private IBusControl _bus = null!;

    public Isolation Isolation { get; private set; } = null!;

    public ServiceProcess Service { get; private set; } = null!;

    /// <summary>The second instance: same database, same queues.</summary>
    public ServiceProcess Second { get; private set; } = null!;

    public IDocumentStore Store { get; private set; } = null!;

    /// <summary>Every message the service published, in arrival order.</summary>
    public ConcurrentQueue<object> Published { get; } = new();

    /// <summary>Every record of <c>Migration.Contracts.HousingAllocation</c>, found by reflection.</summary>
    public static IReadOnlyList<Type> PublishedContracts { get; } =
    [
        .. typeof(HousingContracts.HousingReserved).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(HousingContracts.HousingReserved).Namespace && t is { IsClass: true, IsAbstract: false, IsGenericType: false }),
    ];

    private static readonly MethodInfo SubscribeMethod =
        typeof(HousingFixture).GetMethod(nameof(Subscribe), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public async Task InitializeAsync()
    {
        Isolation = await Isolation.Create("housing");
        _bus = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(Isolation.Broker);
            bus.ReceiveEndpoint("housing-allocation-test-collector", endpoint =>
            {
                foreach (var contract in PublishedContracts) SubscribeMethod.MakeGenericMethod(contract).Invoke(this, [endpoint]);
            });
        });
        await _bus.StartAsync();
        // The expiry timer ticks every second on the real clock (nothing is due for 60 days): its scan runs on both instances.
        var settings = new Dictionary<string, string> { ["Housing:ExpiryScanInterval"] = "00:00:01" };
        Service = ServiceSettings.Service(Isolation, HousingService.Name, "services/Migration.HousingAllocation", settings);
        await Service.Start();
        Second = ServiceSettings.Service(Isolation, HousingService.Name, "services/Migration.HousingAllocation", settings);
        await Second.Start();
        Store = DocumentStore.For(options =>
        {
            HousingStore.Configure(options);
            options.Connection(Isolation.Database(HousingService.Name));
        });
    }

    /// <summary>Publishes a message into the service's virtual host, as another service would.</summary>
    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        _bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    public HttpClient Client(string role, string oblast = "*", ServiceProcess? instance = null)
    {
        var client = new HttpClient { BaseAddress = (instance ?? Service).Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForger.Create(role, oblast));
        return client;
    }

    /// <summary>The first published message of type <typeparamref name="T"/> that satisfies <paramref name="match"/>, once it arrives.</summary>
    public Task<T> Received<T>(Func<T, bool> match, string what) where T : class =>
        Eventually.Get(() => Task.FromResult(Published.OfType<T>().FirstOrDefault(match)), what);

    public async Task DisposeAsync()
    {
        Store?.Dispose();
        if (Second is not null) await Second.DisposeAsync();
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
public sealed class HousingRun : ICollectionFixture<HousingFixture>
{
    public const string Name = "housing-allocation";
}
