using JasperFx.Events;
using Marten;
using MassTransit;
using Migration.ServiceDefaults.EventStore;

namespace Migration.ServiceDefaults.Messaging;

/// <summary>
/// The inbox for a stream of many small messages (a service reporting every step of thousands of payments): messages are
/// taken in batches (up to <see cref="BatchConsumers.MessageLimit"/>, or what arrived within
/// <see cref="BatchConsumers.TimeLimit"/>), and the batch's effects and the records of its handled messages commit in one
/// Marten transaction, as <see cref="IdempotentConsumer{TMessage}"/> does for one message: a message delivered twice
/// changes nothing the second time. Messages already handled are left out of the batch; a batch that races with another
/// delivery of one of its messages fails at commit as a whole (the handled record's key is unique) and is retried, and the
/// retry leaves that message out. Events the effects append carry their own message's correlation and causation (see
/// <see cref="CausedBy"/>).
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage>(IDocumentStore store, TimeProvider clock, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
{
    /// <summary>The clock consumers read the time from.</summary>
    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var consumer = GetType().Name;
        var keyed = context.Message
            .Select(m => (Message: m, Key: HandledMessage.KeyOf(consumer, m.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId."))))
            .DistinctBy(m => m.Key)
            .ToList();

        await using var session = store.LightweightSession();
        var handled = (await session.LoadManyAsync<HandledMessage>(context.CancellationToken, keyed.Select(m => m.Key))).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        if (handled.Count > 0) logger.LogInformation("{Consumer} already handled {Count} messages of the batch; skipping the redeliveries", consumer, handled.Count);
        var fresh = keyed.Where(m => !handled.Contains(m.Key)).ToList();
        if (fresh.Count == 0) return;

        EventMetadata.StampTraceContext(session);
        foreach (var (message, key) in fresh)
            session.Insert(new HandledMessage(key, consumer, message.MessageId!.Value, typeof(TMessage).Name, Clock.GetUtcNow()));
        await Handle([.. fresh.Select(m => m.Message)], session, context.CancellationToken);
        await session.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Records the effects of <paramref name="messages"/> (none handled before) in <paramref name="session"/>; the base class commits them.</summary>
    protected abstract Task Handle(IReadOnlyList<ConsumeContext<TMessage>> messages, IDocumentSession session, CancellationToken cancellationToken);

    /// <summary>Stamps an event the effects append with the correlation, causation and caller of the message that caused it.</summary>
    protected static IEvent CausedBy(IEvent e, ConsumeContext<TMessage> message)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(message);
        e.CorrelationId = message.Headers.Get<string>(MessageHeaders.CorrelationId) ?? message.CorrelationId?.ToString("N");
        e.CausationId = message.MessageId?.ToString("N");
        e.UserName ??= message.Headers.Get<string>(MessageHeaders.Caller);
        return e;
    }
}

/// <summary>How batch consumers take their messages; registered with <see cref="AddIdempotentBatchConsumer{TConsumer}"/>.</summary>
public static class BatchConsumers
{
    /// <summary>Messages in one batch (one transaction) at most.</summary>
    public const int MessageLimit = 100;

    /// <summary>Batches of one consumer handled at once.</summary>
    public const int ConcurrencyLimit = 2;

    /// <summary>How long a batch waits to fill up before it is handled with what it has.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Registers a batch consumer (an <see cref="IdempotentBatchConsumer{TMessage}"/>) on an endpoint of its own, whose
    /// prefetch and concurrency leave room for its batches (<see cref="MessagingExtensions.AddMessaging"/> reads the marker).
    /// </summary>
    public static IBusRegistrationConfigurator AddIdempotentBatchConsumer<TConsumer>(this IBusRegistrationConfigurator bus) where TConsumer : class, IConsumer
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddSingleton(new BatchEndpoint(formatter => formatter.Consumer<TConsumer>()));
        bus.AddConsumer<TConsumer>(consumer => consumer.Options<BatchOptions>(batch => batch
            .SetMessageLimit(MessageLimit).SetTimeLimit(TimeLimit).SetConcurrencyLimit(ConcurrencyLimit)));
        return bus;
    }
}

/// <summary>Marks the endpoint of a batch consumer, by its name under the service's endpoint name formatter.</summary>
public sealed record BatchEndpoint(Func<IEndpointNameFormatter, string> Name);
