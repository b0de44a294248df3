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
/// <para>
/// While the broker is unreachable (a restart, a cut connection, a publish that hangs and is abandoned after
/// <see cref="MessagingSettings.PublishTimeout"/>) each publish is tried again at growing intervals until it is confirmed
/// or the daemon stops the subscription: the page waits for the broker instead of failing. A page must never end in an
/// <see cref="OperationCanceledException"/> the daemon did not ask for: the daemon takes that for its own stop, drops the
/// page without a checkpoint, and the next page's checkpoint then fails out of order and stops the forwarder for good.
/// </para>
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
            .Select(x => PublishUntilConfirmed(x.Event, x.Message!, cancellationToken))
            .ToList();
        try
        {
            await Task.WhenAll(publishes);
        }
        catch (OperationCanceledException abandoned) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the daemon's stop: fail the page so that the daemon pauses the subscription and resumes it from its checkpoint.
            throw new TimeoutException($"Forwarding the page up to sequence {page.SequenceCeiling} was abandoned.", abandoned);
        }

        if (publishes.Count > 0) logger.LogDebug("Forwarded {Count} integration events up to sequence {Sequence}", publishes.Count, page.SequenceCeiling);
        return NullChangeListener.Instance;
    }

    private async Task PublishUntilConfirmed(IEvent @event, object message, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Publish(@event, message, cancellationToken);
                if (attempt > 1) logger.LogInformation("Forwarded event {Sequence} after {Attempts} attempts", @event.Sequence, attempt);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                && (exception is OperationCanceledException || BrokerUnavailable.Is(exception)))
            {
                var pause = settings.PublishRetryDelay(attempt);
                logger.LogWarning("The broker did not take event {Sequence} ({MessageType}), attempt {Attempt}: {Reason}; trying again in {Pause}",
                    @event.Sequence, message.GetType().Name, attempt, exception.Message, pause);
                await Task.Delay(pause, cancellationToken);
            }
        }
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
