using Marten;
using MassTransit;
using Migration.ServiceDefaults.Messaging;
using Reports = Migration.Contracts.HousingAllocation;

namespace Migration.RelocationCase.Cases;

public enum HousingStatus
{
    Reserved,
    Waitlisted,
    Released,
    Expired,
    Allocated,
}

/// <summary>
/// What the housing-allocation service reported about the case's housing, the latest of its decisions winning (by the
/// placement's version in the housing service; by time for reports without one).
/// </summary>
public sealed record HousingState(
    HousingStatus Status, Guid? UnitId, string? SettlementKato, int? Capacity, DateTimeOffset? ExpiresAt, int? WaitlistPosition, DateTimeOffset ReportedAt,
    long PlacementVersion = 0)
{
    /// <summary>Whether this report comes after <paramref name="known"/> in the housing service's own order.</summary>
    public bool Follows(HousingState known) =>
        PlacementVersion > 0 && known.PlacementVersion > 0 ? PlacementVersion > known.PlacementVersion : ReportedAt >= known.ReportedAt;
}

/// <summary>The housing-allocation service reported on the case's housing; recorded on the case so its timeline shows it.</summary>
public sealed record HousingReported(Guid CaseId, HousingState Housing);

/// <summary>
/// The case follows the housing-allocation service through its events: reserved, waitlisted, released, expired,
/// allocated. Reports about unknown cases (another environment's) are ignored; so are reports of a decision before the one
/// the case shows (they can arrive late: two consumers, a redelivery).
/// </summary>
public abstract class HousingReportConsumer<T>(IDocumentStore store, TimeProvider clock, ILogger logger) : IdempotentConsumer<T>(store, clock, logger)
    where T : class
{
    protected abstract (Guid CaseId, HousingState State) Report(T message);

    protected override async Task Handle(T message, IDocumentSession session, ConsumeContext<T> context)
    {
        var (caseId, state) = Report(message);
        var stream = await session.Events.FetchForWriting<CaseFile>(caseId, context.CancellationToken);
        if (stream.Aggregate is not { } c || c.Housing is { } known && !state.Follows(known)) return;
        stream.AppendOne(new HousingReported(caseId, state));
    }
}

public sealed class HousingReservedConsumer(IDocumentStore store, TimeProvider clock, ILogger<HousingReservedConsumer> logger)
    : HousingReportConsumer<Reports.HousingReserved>(store, clock, logger)
{
    protected override (Guid, HousingState) Report(Reports.HousingReserved m) =>
        (m.CaseId, new HousingState(HousingStatus.Reserved, m.UnitId, m.SettlementKato, m.Capacity, m.ExpiresAt, null, m.At, m.PlacementVersion));
}

public sealed class CaseWaitlistedConsumer(IDocumentStore store, TimeProvider clock, ILogger<CaseWaitlistedConsumer> logger)
    : HousingReportConsumer<Reports.CaseWaitlisted>(store, clock, logger)
{
    protected override (Guid, HousingState) Report(Reports.CaseWaitlisted m) =>
        (m.CaseId, new HousingState(HousingStatus.Waitlisted, null, m.SettlementKato, null, null, m.Position, m.At, m.PlacementVersion));
}

public sealed class ReservationReleasedConsumer(IDocumentStore store, TimeProvider clock, ILogger<ReservationReleasedConsumer> logger)
    : HousingReportConsumer<Reports.ReservationReleased>(store, clock, logger)
{
    protected override (Guid, HousingState) Report(Reports.ReservationReleased m) =>
        (m.CaseId, new HousingState(HousingStatus.Released, m.UnitId, null, null, null, null, m.At, m.PlacementVersion));
}

public sealed class ReservationExpiredConsumer(IDocumentStore store, TimeProvider clock, ILogger<ReservationExpiredConsumer> logger)
    : HousingReportConsumer<Reports.ReservationExpired>(store, clock, logger)
{
    protected override (Guid, HousingState) Report(Reports.ReservationExpired m) =>
        (m.CaseId, new HousingState(HousingStatus.Expired, m.UnitId, null, null, null, null, m.At, m.PlacementVersion));
}

public sealed class HousingAllocatedConsumer(IDocumentStore store, TimeProvider clock, ILogger<HousingAllocatedConsumer> logger)
    : HousingReportConsumer<Reports.HousingAllocated>(store, clock, logger)
{
    protected override (Guid, HousingState) Report(Reports.HousingAllocated m) =>
        (m.CaseId, new HousingState(HousingStatus.Allocated, m.UnitId, null, null, null, null, m.At, m.PlacementVersion));
}
