using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MassTransit;
using Migration.Contracts.Registry;
using Migration.Testing;
using Migration.Testing.Auth;
using Migration.Testing.Hosting;
using Migration.Testing.Servers;

namespace Migration.Plumbing.Tests;

/// <summary>
/// The event store is the outbox: a service killed with SIGKILL while its forwarder is behind loses no event,
/// because the forwarder resumes from its checkpoint when the service comes back.
/// </summary>
public sealed class EventForwarderCrashTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _received = new();
    private Isolation _isolation = null!;
    private IBusControl _collector = null!;

    public async Task InitializeAsync()
    {
        _isolation = await Isolation.Create("forwarder");
        _collector = Bus.Factory.CreateUsingRabbitMq(bus =>
        {
            bus.Host(_isolation.Broker);
            bus.ReceiveEndpoint("forwarder-test-collector", endpoint => endpoint.Handler<SettlementCertified>(context =>
            {
                _received.AddOrUpdate(context.Message.Kato, 1, (_, n) => n + 1);
                return Task.CompletedTask;
            }));
        });
        await _collector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _collector.StopAsync();
        await _isolation.DisposeAsync();
    }

    [Fact]
    public async Task Every_event_is_delivered_after_the_service_is_killed_and_restarted_mid_stream()
    {
        var accepted = new ConcurrentBag<string>();
        var registry = ServiceSettings.Service(_isolation, "registry", "services/Migration.Registry");
        await registry.Start();

        // Certify settlements eight at a time and kill the registry while they are still being forwarded.
        var codes = Enumerable.Range(0, 250).Select(_ => RealSettlements.NextCode()).ToList();
        await Certify(registry, codes[..200], accepted);
        var receivedAtKill = _received.Count;
        await registry.Kill();
        Assert.True(receivedAtKill < accepted.Count,
            $"The kill should come while the forwarder is behind ({receivedAtKill} of {accepted.Count} delivered); the test proves nothing otherwise.");

        await using var restarted = ServiceSettings.Service(_isolation, "registry", "services/Migration.Registry");
        await restarted.Start();
        await Certify(restarted, codes[200..], accepted);

        await Eventually.True(() => accepted.All(_received.ContainsKey), $"all {accepted.Count} certified settlements at the collector", TimeSpan.FromSeconds(60));
        Assert.Equal(250, accepted.Count);
        Assert.Empty(_received.Keys.Except(accepted));
        await registry.DisposeAsync();
    }

    private static async Task Certify(ServiceProcess registry, IEnumerable<string> codes, ConcurrentBag<string> accepted)
    {
        using var client = new HttpClient { BaseAddress = registry.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForger.Create("registry-clerk"));
        await Parallel.ForEachAsync(codes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (kato, token) =>
        {
            using var response = await client.PostAsJsonAsync("/api/registry/settlements", new { kato, potentialClass = "low" }, token);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            accepted.Add(kato);
        });
    }
}
