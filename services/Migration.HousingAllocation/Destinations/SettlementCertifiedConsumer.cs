using Marten;
using MassTransit;
using Migration.Contracts.Registry;
using Migration.ServiceDefaults.Messaging;

namespace Migration.HousingAllocation.Destinations;

/// <summary>Keeps the local view of certified settlements, once per message, the latest certification winning.</summary>
public sealed class SettlementCertifiedConsumer(IDocumentStore store, TimeProvider clock, ILogger<SettlementCertifiedConsumer> logger)
    : IdempotentConsumer<SettlementCertified>(store, clock, logger)
{
    protected override async Task Handle(SettlementCertified message, IDocumentSession session, ConsumeContext<SettlementCertified> context)
    {
        var known = await session.LoadAsync<DestinationSettlement>(message.Kato, context.CancellationToken);
        if (known is not null && known.CertifiedAt > message.CertifiedAt) return;
        session.Store(new DestinationSettlement(message.Kato, message.Name, message.Oblast, message.District, message.PotentialClass,
            message.HasEnvironmentalHazard, message.CertifiedAt, Clock.GetUtcNow()));
    }
}

/// <summary>Follows a settlement's class when a clerk overrides it.</summary>
public sealed class SettlementReclassifiedConsumer(IDocumentStore store, TimeProvider clock, ILogger<SettlementReclassifiedConsumer> logger)
    : IdempotentConsumer<SettlementPotentialReclassified>(store, clock, logger)
{
    protected override async Task Handle(SettlementPotentialReclassified message, IDocumentSession session, ConsumeContext<SettlementPotentialReclassified> context)
    {
        if (await session.LoadAsync<DestinationSettlement>(message.Kato, context.CancellationToken) is { } known && known.CertifiedAt <= message.At)
            session.Store(known with { PotentialClass = message.Current, ReceivedAt = Clock.GetUtcNow() });
    }
}
