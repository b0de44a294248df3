using Marten;
using JasperFx;
using MassTransit;
using Migration.ServiceDefaults.EventStore;

namespace Migration.ServiceDefaults.Messaging;

/// <summary>
/// A consumer whose effects and the record of the handled message commit in one Marten transaction:
/// a message delivered twice changes nothing the second time, even when both deliveries race.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(IDocumentStore store, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
{
    /// <summary>The clock consumers read the time from.</summary>
    protected TimeProvider Clock { get; } = clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId.");
        var consumer = GetType().Name;
        var key = HandledMessage.KeyOf(consumer, messageId);

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<HandledMessage>(key, context.CancellationToken) is not null)
        {
            logger.LogInformation("{Consumer} already handled message {MessageId}; skipping the redelivery", consumer, messageId);
            return;
        }

        session.CorrelationId = context.Headers.Get<string>(MessageHeaders.CorrelationId) ?? context.CorrelationId?.ToString("N");
        session.CausationId = messageId.ToString("N");
        session.LastModifiedBy = context.Headers.Get<string>(MessageHeaders.Caller);
        EventMetadata.StampTraceContext(session);
        session.Insert(new HandledMessage(key, consumer, messageId, typeof(TMessage).Name, Clock.GetUtcNow()));

        await Handle(context.Message, session, context);

        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Only a concurrent delivery of the same message is a duplicate; any other unique key that refused the
            // effects is a real failure, and the exception goes to the retry policy.
            if (!await HandledMeanwhile(key, context.CancellationToken)) throw;
            logger.LogInformation("{Consumer} lost the race to handle message {MessageId}; the other delivery's effects stand", consumer, messageId);
        }
    }

    private async Task<bool> HandledMeanwhile(string key, CancellationToken cancellationToken)
    {
        await using var fresh = store.QuerySession();
        return await fresh.LoadAsync<HandledMessage>(key, cancellationToken) is not null;
    }

    /// <summary>Records the message's effects in <paramref name="session"/>; the base class commits them.</summary>
    protected abstract Task Handle(TMessage message, IDocumentSession session, ConsumeContext<TMessage> context);
}
