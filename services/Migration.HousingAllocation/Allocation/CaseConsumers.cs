using Marten;
using MassTransit;
using Microsoft.Extensions.Options;
using Migration.Contracts.RelocationCase;
using Migration.ServiceDefaults.Messaging;

namespace Migration.HousingAllocation.Allocation;

/// <summary>An approved case gets the best-fitting available unit at its destination, or joins the destination's waitlist.</summary>
public sealed class CaseApprovedConsumer(IDocumentStore store, TimeProvider clock, IOptions<HousingSettings> settings, ILogger<CaseApprovedConsumer> logger)
    : IdempotentConsumer<CaseApproved>(store, clock, logger)
{
    protected override async Task Handle(CaseApproved message, IDocumentSession session, ConsumeContext<CaseApproved> context)
    {
        await DestinationDesk.LockCase(session, message.CaseId, context.CancellationToken);
        if (await session.LoadAsync<EndedCase>(message.CaseId, context.CancellationToken) is not null)
        {
            logger.LogInformation("Case {CaseId} ended before its approval arrived; no housing is reserved", message.CaseId);
            return;
        }

        var desk = await DestinationDesk.Open(session, message.DestinationKato, message.DestinationOblast, Clock.GetUtcNow(),
            settings.Value.ReservationPeriod, context.CancellationToken, inTransaction: true);
        if (await session.LoadAsync<Placement>(message.CaseId, context.CancellationToken) is not null) return;
        desk.Request(new PlacementRequested(message.CaseId, message.HouseholdId, message.DestinationKato, message.DestinationOblast,
            Math.Max(1, message.Members.Count), message.ApprovedAt));
        desk.Close();
    }
}

/// <summary>The household withdrew: its unit goes to the first waitlisted case it fits, else back to stock.</summary>
public sealed class CaseWithdrawnConsumer(IDocumentStore store, TimeProvider clock, IOptions<HousingSettings> settings, ILogger<CaseWithdrawnConsumer> logger)
    : IdempotentConsumer<CaseWithdrawn>(store, clock, logger)
{
    protected override Task Handle(CaseWithdrawn message, IDocumentSession session, ConsumeContext<CaseWithdrawn> context) =>
        CaseEnding.Release(session, message.CaseId, "case withdrawn: " + message.Reason, Clock, settings.Value, context.CancellationToken);
}

/// <summary>The case was cancelled: as a withdrawal.</summary>
public sealed class CaseCancelledConsumer(IDocumentStore store, TimeProvider clock, IOptions<HousingSettings> settings, ILogger<CaseCancelledConsumer> logger)
    : IdempotentConsumer<CaseCancelled>(store, clock, logger)
{
    protected override Task Handle(CaseCancelled message, IDocumentSession session, ConsumeContext<CaseCancelled> context) =>
        CaseEnding.Release(session, message.CaseId, "case cancelled: " + message.Reason, Clock, settings.Value, context.CancellationToken);
}

/// <summary>The household arrived: the reservation becomes an allocation and the unit is occupied.</summary>
public sealed class MoveConfirmedConsumer(IDocumentStore store, TimeProvider clock, IOptions<HousingSettings> settings, ILogger<MoveConfirmedConsumer> logger)
    : IdempotentConsumer<MoveConfirmed>(store, clock, logger)
{
    protected override async Task Handle(MoveConfirmed message, IDocumentSession session, ConsumeContext<MoveConfirmed> context)
    {
        await DestinationDesk.LockCase(session, message.CaseId, context.CancellationToken);
        if (await session.LoadAsync<Placement>(message.CaseId, context.CancellationToken) is not { } known) return;
        var desk = await DestinationDesk.Open(session, known.SettlementKato, known.Oblast, Clock.GetUtcNow(), settings.Value.ReservationPeriod,
            context.CancellationToken, inTransaction: true);
        if (desk.Active(message.CaseId) is not { Status: PlacementStatus.Reserved } placement)
        {
            logger.LogWarning("Move of case {CaseId} confirmed, but it holds no reservation", message.CaseId);
            return;
        }

        desk.Allocate(placement);
        desk.Close();
    }
}

/// <summary>What withdrawal and cancellation share.</summary>
public static class CaseEnding
{
    /// <summary>
    /// Releases the case's housing. When its approval has not arrived yet (messages of different queues may overtake
    /// each other), the case is remembered as ended so that the late approval reserves nothing.
    /// </summary>
    public static async Task Release(IDocumentSession session, Guid caseId, string reason, TimeProvider clock, HousingSettings settings, CancellationToken cancellationToken)
    {
        await DestinationDesk.LockCase(session, caseId, cancellationToken);
        if (await session.LoadAsync<Placement>(caseId, cancellationToken) is not { } known)
        {
            session.Store(new EndedCase(caseId, reason, clock.GetUtcNow()));
            return;
        }

        var desk = await DestinationDesk.Open(session, known.SettlementKato, known.Oblast, clock.GetUtcNow(), settings.ReservationPeriod, cancellationToken,
            inTransaction: true);
        if (desk.Active(caseId) is not { } placement) return;
        desk.Release(placement, reason);
        desk.Close();
    }
}

/// <summary>A case withdrawn or cancelled before its approval reached the housing service: a late approval reserves nothing.</summary>
public sealed record EndedCase(Guid Id, string Reason, DateTimeOffset At);
