using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Migration.Contracts.Registry;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Messaging;
using Migration.Testing.Hosting;
using Npgsql;

namespace Migration.Registry.Tests.Operations;

/// <summary>
/// The registry as a real process for the operations tests, and beside it, in the test, a consuming service: an inbox
/// consumer of <see cref="SettlementCertified"/> on its own database in the same virtual host, whose effects can be counted.
/// </summary>
public sealed class OperationsFixture() : ServiceUnderTest(RegistryService.Name, "services/Migration.Registry", "Migration.Contracts.Registry")
{
    public const string Consumer = "ops-consumer";

    private IHost _consumer = null!;

    /// <summary>Deliveries the consuming service's bus completed, per message id (duplicates included).</summary>
    public DeliveryCounter Deliveries { get; } = new();

    public IDocumentStore ConsumerStore => _consumer.Services.GetRequiredService<IDocumentStore>();

    protected override async Task Started()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{EventStoreExtensions.ConnectionName}"] = Isolation.Database(Consumer);
        builder.Configuration[$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = Isolation.Broker.ToString();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.AddEventStore(Consumer, _ => { });
        builder.AddMessaging(Consumer, bus => bus.AddConsumer<NotingCertifications>());
        _consumer = builder.Build();
        await _consumer.StartAsync();
        var bus = _consumer.Services.GetRequiredService<IBusControl>();
        bus.ConnectConsumeObserver(Deliveries);
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
    }

    protected override async Task Stopping()
    {
        if (_consumer is null) return;
        await _consumer.StopAsync();
        _consumer.Dispose();
    }

    /// <summary>Certifies a new settlement through <paramref name="client"/>; its KATO code.</summary>
    public static async Task<string> Certify(HttpClient client, string potentialClass = "low")
    {
        var kato = RealSettlements.NextCode();
        using var response = await client.PostAsJsonAsync("/api/registry/settlements", new { kato, potentialClass });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return kato;
    }

    /// <summary>The registry's database, for reading and damaging what it stored.</summary>
    public async Task<NpgsqlConnection> Database()
    {
        var connection = new NpgsqlConnection(Isolation.Database(RegistryService.Name));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Waits for an operation to end and returns it.</summary>
    public static async Task<JsonElement> Finished(HttpClient admin, Uri location)
    {
        var operation = default(JsonElement);
        await Eventually.True(async () =>
        {
            operation = await admin.GetFromJsonAsync<JsonElement>(location);
            return operation.GetProperty("status").GetString() is "succeeded" or "failed";
        }, $"operation {location} to end");
        return operation;
    }

    /// <summary>The audit, newest first (the first page is enough for one test class).</summary>
    public static async Task<IReadOnlyList<JsonElement>> Audit(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/registry/operations/audit?limit=500");
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}

/// <summary>A certification the consuming service noted: one per certification, however often it is delivered.</summary>
public sealed record CertificationNoted(string Kato);

/// <summary>The consuming service's inbox consumer: it appends one event per certification it handles.</summary>
public sealed class NotingCertifications(IDocumentStore store, TimeProvider clock, Microsoft.Extensions.Logging.ILogger<NotingCertifications> logger)
    : IdempotentConsumer<SettlementCertified>(store, clock, logger)
{
    protected override Task Handle(SettlementCertified message, IDocumentSession session, ConsumeContext<SettlementCertified> context)
    {
        session.Events.Append(Guid.NewGuid(), new CertificationNoted(message.Kato));
        return Task.CompletedTask;
    }
}
