using System.Collections.Concurrent;
using System.Net.Sockets;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Migration.ServiceDefaults.Messaging;
using Npgsql;

namespace Migration.Plumbing.Tests;

public sealed record Reading(string Meter);

/// <summary>Meets its database unreachable on the first <see cref="OutageLog.FailedAttempts"/> attempts, as during a restart.</summary>
public sealed class ReadingConsumer(IDocumentStore store, TimeProvider clock, ILogger<ReadingConsumer> logger, OutageLog outage)
    : IdempotentConsumer<Reading>(store, clock, logger)
{
    protected override Task Handle(Reading message, IDocumentSession session, ConsumeContext<Reading> context)
    {
        if (outage.Attempts.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1) <= OutageLog.FailedAttempts)
            throw new NpgsqlException("Failed to connect to 127.0.0.1", new SocketException((int)SocketError.ConnectionRefused));

        session.Events.Append(Guid.NewGuid(), message);
        return Task.CompletedTask;
    }
}

public sealed class OutageLog
{
    /// <summary>More attempts than the ordinary retries make (three), fewer than the database-outage retries.</summary>
    public const int FailedAttempts = 5;

    public ConcurrentDictionary<Guid, int> Attempts { get; } = new();
}

/// <summary>
/// A message that meets its service's database unreachable waits for it (the outer retry, about two minutes) instead of
/// going to its error queue once the few quick retries meant for real failures are spent.
/// </summary>
public sealed class DatabaseOutageRetryTests : IAsyncLifetime
{
    private const string Queue = "outage-reading";
    private readonly OutageLog _outage = new();
    private ConsumerHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ConsumerHost.Start("outage", bus => bus.AddConsumer<ReadingConsumer>(), services => services.AddSingleton(_outage));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_message_retried_past_the_quick_retries_while_the_database_is_unreachable_is_handled_once_it_answers()
    {
        var id = Guid.NewGuid();

        await _host.Bus.Publish(new Reading("meter 7"), context => context.MessageId = id);

        // 1 + 2 + 3 + 5 + 5 s of the outage intervals before the sixth attempt.
        await using var session = _host.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        await Eventually.True(async () => await session.LoadAsync<HandledMessage>(HandledMessage.KeyOf(nameof(ReadingConsumer), id)) is not null,
            "the reading handled once the database answers", TimeSpan.FromSeconds(60));
        Assert.Equal(OutageLog.FailedAttempts + 1, _outage.Attempts[id]);
        Assert.Equal(0, await _host.Isolation.QueueDepth(Queue + "_error"));
    }
}
