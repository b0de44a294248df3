using Marten;
using MassTransit;
using Migration.Contracts.RelocationCase;
using Migration.ServiceDefaults.Messaging;

namespace Migration.SubsidyPayment.Cases;

/// <summary>The move is confirmed: the payments that wait for it may now be approved.</summary>
public sealed class MoveConfirmedConsumer(IDocumentStore store, TimeProvider clock, ILogger<MoveConfirmedConsumer> logger)
    : IdempotentConsumer<MoveConfirmed>(store, clock, logger)
{
    protected override async Task Handle(MoveConfirmed message, IDocumentSession session, ConsumeContext<MoveConfirmed> context)
    {
        await session.LockView($"case/{message.CaseId:N}", context.CancellationToken);
        var current = await session.LoadAsync<CaseRecord>(message.CaseId, context.CancellationToken);
        session.Store(CaseRecord.Advance(current, new CaseRecord(message.CaseId, message.HouseholdId, CaseStanding.Moved, message.ConfirmedAt, null)));
    }
}

/// <summary>The household withdrew: unpaid payments are cancelled, paid ones recovered (<see cref="CaseEnding"/>).</summary>
public sealed class CaseWithdrawnConsumer(IDocumentStore store, TimeProvider clock, ILogger<CaseWithdrawnConsumer> logger)
    : IdempotentConsumer<CaseWithdrawn>(store, clock, logger)
{
    protected override Task Handle(CaseWithdrawn message, IDocumentSession session, ConsumeContext<CaseWithdrawn> context) =>
        CaseEnding.Apply(session, new CaseRecord(message.CaseId, message.HouseholdId, CaseStanding.Withdrawn, message.WithdrawnAt, message.Reason), context.CancellationToken);
}

/// <summary>The case was cancelled: as a withdrawal (<see cref="CaseEnding"/>).</summary>
public sealed class CaseCancelledConsumer(IDocumentStore store, TimeProvider clock, ILogger<CaseCancelledConsumer> logger)
    : IdempotentConsumer<CaseCancelled>(store, clock, logger)
{
    protected override Task Handle(CaseCancelled message, IDocumentSession session, ConsumeContext<CaseCancelled> context) =>
        CaseEnding.Apply(session, new CaseRecord(message.CaseId, message.HouseholdId, CaseStanding.Cancelled, message.CancelledAt, message.Reason), context.CancellationToken);
}
