using Marten;
using MassTransit;
using Migration.ServiceDefaults.Messaging;
using Payments = Migration.Contracts.SubsidyPayment;

namespace Migration.RelocationCase.Cases;

/// <summary>What the subsidy-payment service reported about the household's support: entitled so far.</summary>
public sealed record PaymentState(decimal EntitledKzt, int WithheldOneOffs, DateTimeOffset ReportedAt);

/// <summary>The subsidy-payment service computed the household's entitlements; recorded on the case for its timeline.</summary>
public sealed record EntitlementReported(Guid CaseId, PaymentState Payments);

/// <summary>The case follows its support: the entitlement computed at approval (paid amounts follow with the payment workflow).</summary>
public sealed class EntitlementCalculatedConsumer(IDocumentStore store, TimeProvider clock, ILogger<EntitlementCalculatedConsumer> logger)
    : IdempotentConsumer<Payments.EntitlementCalculated>(store, clock, logger)
{
    protected override async Task Handle(Payments.EntitlementCalculated message, IDocumentSession session, ConsumeContext<Payments.EntitlementCalculated> context)
    {
        var stream = await session.Events.FetchForWriting<CaseFile>(message.CaseId, context.CancellationToken);
        if (stream.Aggregate is not { } c || c.Payments is { } known && known.ReportedAt > message.CalculatedAt) return;
        stream.AppendOne(new EntitlementReported(message.CaseId, new PaymentState(message.TotalKzt, message.WithheldOneOffs, message.CalculatedAt)));
    }
}
