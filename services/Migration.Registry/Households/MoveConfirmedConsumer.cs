using Marten;
using MassTransit;
using Migration.Contracts.RelocationCase;
using Migration.Registry.Settlements;
using Migration.ServiceDefaults.Messaging;

namespace Migration.Registry.Households;

/// <summary>When a relocation is confirmed, the registry moves the household to its destination (once per message).</summary>
public sealed class MoveConfirmedConsumer(IDocumentStore store, TimeProvider clock, ILogger<MoveConfirmedConsumer> logger)
    : IdempotentConsumer<MoveConfirmed>(store, clock, logger)
{
    protected override async Task Handle(MoveConfirmed message, IDocumentSession session, ConsumeContext<MoveConfirmed> context)
    {
        var stream = await session.Events.FetchForWriting<Household>(message.HouseholdId.ToString(), context.CancellationToken);
        var destination = await session.LoadAsync<Settlement>(message.DestinationKato, context.CancellationToken);
        if (stream.Aggregate is not { } household || destination is null)
        {
            // Nothing to move: a case can only be opened for a registered household at a certified settlement, so this
            // is data from another environment. Fail loudly: after its retries the message waits in the error queue.
            throw new InvalidOperationException($"Case {message.CaseId}: household or destination settlement unknown to the registry.");
        }

        if (household.SettlementKato == destination.Id) return;
        stream.AppendOne(MovingHousehold.Decide(household, destination, message.ArrivedOn, message.CaseId));
    }
}
