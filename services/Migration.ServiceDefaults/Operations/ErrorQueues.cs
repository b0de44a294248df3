using Migration.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Migration.ServiceDefaults.Operations;

/// <summary>An error queue of the service and the queue its messages failed in.</summary>
public sealed record ErrorQueueState(string Queue, string SourceQueue, long Messages);

/// <summary>What a replay moved back to the source queue, and the ids asked for that were not in the error queue.</summary>
public sealed record ReplayOutcome(string Queue, string SourceQueue, int Moved, IReadOnlyList<Guid?> MessageIds, IReadOnlyList<Guid> NotFound);

/// <summary>
/// The service's error queues, over AMQP with the service's own broker connection string (no management API, no second
/// credential). Peeking takes messages without acknowledging them and hands them back, so none is lost. A replay
/// publishes each chosen message to its source queue with publisher confirms, and only then acknowledges it in the error
/// queue: a crash in between leaves a copy in both, which the consumers' inbox (same message id) handles once.
/// </summary>
public sealed class ErrorQueues(ReceiveQueues queues, IConfiguration configuration, IHostEnvironment environment)
{
    /// <summary>Headers MassTransit added when it moved the message to the error queue; a replayed message goes back without them.</summary>
    private static readonly string[] FaultHeaders = ["MT-Reason", "MT-Fault-", "MT-Host-"];

    public const int MaxPeek = 100;

    /// <summary>Names the operator who replayed a message, on the message put back.</summary>
    public const string ReplayedByHeader = "X-Replayed-By";

    public IReadOnlyList<string> ErrorQueueNames => [.. queues.All.Select(q => q + ReceiveQueues.ErrorSuffix)];

    public string? SourceOf(string errorQueue) => queues.SourceOf(errorQueue);

    public async Task<IReadOnlyList<ErrorQueueState>> List(CancellationToken cancellationToken)
    {
        await using var connection = await Connect(cancellationToken);
        var states = new List<ErrorQueueState>();
        foreach (var source in queues.All)
            states.Add(new ErrorQueueState(source + ReceiveQueues.ErrorSuffix, source, await Depth(connection, source + ReceiveQueues.ErrorSuffix, cancellationToken)));
        return states;
    }

    /// <summary>Up to <paramref name="limit"/> messages from the head of the queue, all left in it.</summary>
    public async Task<IReadOnlyList<ErrorQueueMessage>> Peek(string errorQueue, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Connect(cancellationToken);
        var waiting = await Depth(connection, errorQueue, cancellationToken);
        var messages = new List<ErrorQueueMessage>();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        ulong? last = null;
        while (messages.Count < Math.Min(limit, waiting) && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } delivery)
        {
            messages.Add(ErrorQueueMessage.From(delivery.BasicProperties, delivery.Body));
            last = delivery.DeliveryTag;
        }

        if (last is { } tag) await channel.BasicNackAsync(tag, multiple: true, requeue: true, cancellationToken);
        return messages;
    }

    /// <summary>Moves the messages with <paramref name="messageIds"/> (all when null) back to the queue they failed in.</summary>
    public async Task<ReplayOutcome> Replay(string errorQueue, IReadOnlySet<Guid>? messageIds, string caller, CancellationToken cancellationToken)
    {
        var source = queues.SourceOf(errorQueue) ?? throw new InvalidOperationException($"{errorQueue} is not an error queue of this service.");
        await using var connection = await Connect(cancellationToken);
        var waiting = await Depth(connection, errorQueue, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var moved = new List<Guid?>();
        var kept = new List<ulong>();
        for (long seen = 0; seen < waiting; seen++)
        {
            if (await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is not { } delivery) break;
            Guid? id = Guid.TryParse(delivery.BasicProperties.MessageId, out var parsed) ? parsed : null;
            if (messageIds is not null && (id is null || !messageIds.Contains(id.Value)))
            {
                kept.Add(delivery.DeliveryTag);
                continue;
            }

            await channel.BasicPublishAsync("", source, mandatory: true, Replayed(delivery.BasicProperties, caller), delivery.Body, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            moved.Add(id);
        }

        foreach (var tag in kept) await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        var notFound = messageIds?.Where(id => !moved.Contains(id)).ToList() ?? [];
        return new ReplayOutcome(errorQueue, source, moved.Count, moved, notFound);
    }

    private static BasicProperties Replayed(IReadOnlyBasicProperties original, string caller)
    {
        var properties = new BasicProperties(original)
        {
            Headers = original.Headers?
                .Where(h => !FaultHeaders.Any(prefix => h.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                .ToDictionary(h => h.Key, h => h.Value) ?? new Dictionary<string, object?>(),
        };
        properties.Headers[ReplayedByHeader] = caller;
        return properties;
    }

    /// <summary>Messages waiting in <paramref name="queue"/>; 0 when it was never declared (nothing ever failed there).</summary>
    private static async Task<long> Depth(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        try
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    private async Task<IConnection> Connect(CancellationToken cancellationToken)
    {
        var broker = configuration.GetConnectionString(MessagingExtensions.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{MessagingExtensions.ConnectionName} is not configured.");
        var factory = new ConnectionFactory { Uri = new Uri(broker), ClientProvidedName = $"{environment.ApplicationName}-operations" };
        return await BrokerNodes.From(configuration).Connect(factory, cancellationToken);
    }
}
