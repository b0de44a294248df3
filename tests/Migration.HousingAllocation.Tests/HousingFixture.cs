using Marten;
using Migration.Testing.Hosting;

namespace Migration.HousingAllocation.Tests;

/// <summary>
/// The housing-allocation service as TWO real processes on one database and one virtual host, consuming from the same
/// queues as two production instances would. A test bus publishes into that virtual host as the registry and the
/// relocation-case service would, and collects every integration event the service publishes. <see cref="Store"/> opens
/// the service's database with its own mappings and projections (it never creates or alters schema objects).
/// </summary>
public sealed class HousingFixture()
    : ServiceUnderTest(HousingService.Name, "services/Migration.HousingAllocation", "Migration.Contracts.HousingAllocation")
{
    protected override Action<StoreOptions> StoreConfiguration => options => HousingStore.Configure(options);

    /// <summary>A second instance of the service on the same database and queues, competing for the same messages.</summary>
    public ServiceProcess Second { get; private set; } = null!;

    /// <summary>The expiry timer ticks every second on the real clock (nothing is due for 60 days): its scan runs on both instances.</summary>
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Housing:ExpiryScanInterval"] = "00:00:01" };

    protected override async Task Started()
    {
        Second = ServiceSettings.Service(Isolation, HousingService.Name, "services/Migration.HousingAllocation", Settings);
        await Second.Start();
    }

    protected override async Task Stopping()
    {
        if (Second is not null) await Second.DisposeAsync();
    }

    /// <summary>A client of one instance (the first unless <paramref name="instance"/> says otherwise).</summary>
    public HttpClient Client(string role, string oblast, ServiceProcess? instance)
    {
        var client = Client(role, oblast);
        if (instance is not null) client.BaseAddress = instance.Address;
        return client;
    }

    /// <summary>The first published message of type <typeparamref name="T"/> that satisfies <paramref name="match"/>, once it arrives.</summary>
    public Task<T> Received<T>(Func<T, bool> match, string what) where T : class =>
        Eventually.Get(() => Task.FromResult(Published.OfType<T>().FirstOrDefault(match)), what);
}

[CollectionDefinition(Name)]
public sealed class HousingRun : ICollectionFixture<HousingFixture>
{
    public const string Name = "housing-allocation";
}
