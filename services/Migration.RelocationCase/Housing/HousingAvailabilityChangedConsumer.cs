using Marten;
using MassTransit;
using Migration.Contracts.HousingAllocation;
using Migration.ServiceDefaults.Messaging;

namespace Migration.RelocationCase.Housing;

/// <summary>Keeps the housing available per destination settlement, once per message, the newest report winning.</summary>
public sealed class HousingAvailabilityChangedConsumer(IDocumentStore store, TimeProvider clock, ILogger<HousingAvailabilityChangedConsumer> logger)
    : IdempotentConsumer<HousingAvailabilityChanged>(store, clock, logger)
{
    protected override async Task Handle(HousingAvailabilityChanged message, IDocumentSession session, ConsumeContext<HousingAvailabilityChanged> context)
    {
        await session.LockView($"housing/{message.SettlementKato}", context.CancellationToken);
        if (await session.LoadAsync<HousingAvailability>(message.SettlementKato, context.CancellationToken) is { } known && known.At > message.At) return;
        var units = message.Available
            .Where(u => u.Count > 0)
            .GroupBy(u => u.Capacity)
            .OrderBy(g => g.Key)
            .Select(g => new UnitsAvailable(g.Key, g.Sum(u => u.Count)))
            .ToList();
        session.Store(new HousingAvailability(message.SettlementKato, message.Oblast, units, message.At));
    }
}
