using Marten;
using MassTransit;
using Microsoft.Extensions.Logging;
using Migration.ServiceDefaults.Messaging;
using Published = Migration.Contracts.Registry;

namespace Migration.Benchmarks;

/// <summary>
/// What a consuming service keeps of a settlement: one document per settlement, the effect stored in the same transaction
/// as the inbox record, as the services' own consumers do.
/// </summary>
public sealed record DeliveredSettlement(string Id, string Name, string PotentialClass, DateTimeOffset CertifiedAt);

/// <summary>The system's consumer: the inbox (<see cref="IdempotentConsumer{TMessage}"/>) plus one document as its effect.</summary>
public sealed class DeliveredSettlementConsumer(IDocumentStore store, TimeProvider clock, ILogger<DeliveredSettlementConsumer> logger)
    : IdempotentConsumer<Published.SettlementCertified>(store, clock, logger)
{
    protected override Task Handle(Published.SettlementCertified message, IDocumentSession session, ConsumeContext<Published.SettlementCertified> context)
    {
        session.Store(new DeliveredSettlement(message.Kato, message.Name, message.PotentialClass, message.CertifiedAt));
        return Task.CompletedTask;
    }
}

/// <summary>
/// The system's consumer as a batch inbox (<see cref="IdempotentBatchConsumer{TMessage}"/>), the way the case service
/// takes the payment service's reports: up to 100 messages, their records and documents in one transaction.
/// </summary>
public sealed class DeliveredSettlementBatchConsumer(IDocumentStore store, TimeProvider clock, ILogger<DeliveredSettlementBatchConsumer> logger)
    : IdempotentBatchConsumer<Published.SettlementCertified>(store, clock, logger)
{
    protected override Task Handle(IReadOnlyList<ConsumeContext<Published.SettlementCertified>> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        foreach (var m in messages) session.Store(new DeliveredSettlement(m.Message.Kato, m.Message.Name, m.Message.PotentialClass, m.Message.CertifiedAt));
        return Task.CompletedTask;
    }
}

/// <summary>The raw baseline's consumer: MassTransit's consume pipeline and nothing else (the probe observes it).</summary>
public sealed class RawSettlementConsumer : IConsumer<Published.SettlementCertified>
{
    public Task Consume(ConsumeContext<Published.SettlementCertified> context) => Task.CompletedTask;
}
