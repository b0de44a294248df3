using Marten;
using MassTransit;
using Migration.Contracts.Registry;
using Migration.ServiceDefaults.Messaging;

namespace Migration.RelocationCase.Settlements;

/// <summary>Keeps the caseworkers' view of certified settlements, once per message.</summary>
public sealed class SettlementCertifiedConsumer(IDocumentStore store, TimeProvider clock, ILogger<SettlementCertifiedConsumer> logger)
    : IdempotentConsumer<SettlementCertified>(store, clock, logger)
{
    protected override Task Handle(SettlementCertified message, IDocumentSession session, ConsumeContext<SettlementCertified> context)
    {
        session.Store(new KnownSettlement(message.Kato, message.Name, message.Oblast, message.PotentialClass,
            message.HasEnvironmentalHazard, message.CertifiedAt));
        return Task.CompletedTask;
    }
}
