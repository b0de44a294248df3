using Marten;
using MassTransit;
using Migration.Contracts.Registry;
using Migration.ServiceDefaults.Messaging;

namespace Migration.RelocationCase.Settlements;

/// <summary>Keeps the caseworkers' view of certified settlements, once per message, the latest certification winning.</summary>
public sealed class SettlementCertifiedConsumer(IDocumentStore store, TimeProvider clock, ILogger<SettlementCertifiedConsumer> logger)
    : IdempotentConsumer<SettlementCertified>(store, clock, logger)
{
    protected override async Task Handle(SettlementCertified message, IDocumentSession session, ConsumeContext<SettlementCertified> context)
    {
        await session.LockView(KnownSettlement.LockKey(message.Kato), context.CancellationToken);
        var known = await session.LoadAsync<KnownSettlement>(message.Kato, context.CancellationToken);
        if (known is not null && known.CertifiedAt > message.CertifiedAt) return;
        session.Store(new KnownSettlement(message.Kato, message.Name, message.Oblast, message.District, message.ClimateZone,
            message.PotentialClass, message.HasEnvironmentalHazard, message.Population, message.CertifiedAt));
    }
}

/// <summary>Follows a settlement's class when a clerk overrides it.</summary>
public sealed class SettlementReclassifiedConsumer(IDocumentStore store, TimeProvider clock, ILogger<SettlementReclassifiedConsumer> logger)
    : IdempotentConsumer<SettlementPotentialReclassified>(store, clock, logger)
{
    protected override async Task Handle(SettlementPotentialReclassified message, IDocumentSession session, ConsumeContext<SettlementPotentialReclassified> context)
    {
        await session.LockView(KnownSettlement.LockKey(message.Kato), context.CancellationToken);
        if (await session.LoadAsync<KnownSettlement>(message.Kato, context.CancellationToken) is { } known && known.CertifiedAt <= message.At)
            session.Store(known with { PotentialClass = message.Current });
    }
}
