using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Telemetry;

namespace Migration.ServiceDefaults.Messaging;

/// <summary>
/// The event store is the outbox: this Marten subscription, run by the async daemon, publishes a service's
/// integration events to RabbitMQ with <c>MessageId</c> = the event's id. A page is checkpointed only after all of
/// its publishes were confirmed; a failure or a crash resumes from the last checkpoint, so delivery is at least once
/// and consumers de-duplicate by message id.
/// </summary>
public sealed class EventForwarder(IBus bus, IIntegrationEventMap map, MessagingSettings settings, ILogger<EventForwarder> logger)
    : SubscriptionBase
{
    private static readonly ActivitySource Source = new(TelemetryExtensions.ActivitySourceName);

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var publishes = page.Events
            .Select(e => (Event: e, Message: map.ToIntegrationEvent(e)))
            .Where(x => x.Message is not null)
            .Select(x => Publish(x.Event, x.Message!, cancellationToken))
            .ToList();
        await Task.WhenAll(publishes);
        if (publishes.Count > 0) logger.LogDebug("Forwarded {Count} integration events up to sequence {Sequence}", publishes.Count, page.SequenceCeiling);
        return NullChangeListener.Instance;
    }

    private async Task Publish(IEvent @event, object message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        using var activity = Source.StartActivity(
            $"forward {message.GetType().Name}", ActivityKind.Producer, ParentOf(@event));

        await bus.Publish(message, message.GetType(), context =>
        {
            context.MessageId = @event.Id;
            if (@event.CorrelationId is { } correlationId) context.Headers.Set(MessageHeaders.CorrelationId, correlationId);
            if (@event.UserName is { } caller) context.Headers.Set(MessageHeaders.Caller, caller);
            context.Headers.Set(MessageHeaders.EventSequence, @event.Sequence);
        }, timeout.Token);
    }

    private static string? ParentOf(IEvent @event) =>
        @event.Headers is { } headers && headers.TryGetValue(EventMetadata.TraceParent, out var value) ? value?.ToString() : null;
}
