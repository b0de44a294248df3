using System.Security.Cryptography;
using System.Text;
using Marten;
using Migration.HousingAllocation.Stock;
using Migration.ServiceDefaults.Http;

namespace Migration.HousingAllocation.Allocation;

/// <summary>
/// Every change to the housing of one destination settlement (stock, reservations, waitlist) happens here, inside ONE
/// transaction that first takes a transaction-scoped advisory lock on the settlement and then reads its units and
/// active placements as committed. Changes at a destination are thus serialised across all instances of the service:
/// no unit is ever reserved for two cases, and the waitlist keeps its order. The desk mirrors in memory what it appends,
/// so one transaction can chain decisions (a unit freed goes to the first waitlisted case it fits); at
/// <see cref="Close"/> it records the stock snapshots and, when it changed, the settlement's availability.
/// </summary>
public sealed class DestinationDesk
{
    /// <summary>The first key of the two-key advisory locks of destinations (apart from Marten's).</summary>
    private const int LockSpace = 0x4841; // "HA"

    private readonly IDocumentSession _session;
    private readonly Dictionary<Guid, HousingUnit> _units;
    private readonly Dictionary<Guid, Placement> _active;
    private readonly Dictionary<Guid, string> _touched = [];
    private readonly IReadOnlyList<UnitsAvailable> _before;
    private readonly DateTimeOffset _now;
    private readonly TimeSpan _reservationPeriod;

    private DestinationDesk(IDocumentSession session, string settlementKato, string oblast, IEnumerable<HousingUnit> units,
        IEnumerable<Placement> active, DateTimeOffset now, TimeSpan reservationPeriod)
    {
        _session = session;
        SettlementKato = settlementKato;
        Oblast = oblast;
        _units = units.ToDictionary(u => u.Id);
        _active = active.ToDictionary(p => p.Id);
        _now = now;
        _reservationPeriod = reservationPeriod;
        _before = Availability();
    }

    public string SettlementKato { get; }

    public string Oblast { get; }

    public IEnumerable<HousingUnit> Units => _units.Values;

    /// <summary>Waitlisted cases, first come (by approval time) first.</summary>
    public IReadOnlyList<Placement> Waitlist =>
        _active.Values.Where(p => p.Status == PlacementStatus.Waitlisted).OrderBy(p => p.ApprovedAt).ThenBy(p => p.Id).ToList();

    public IReadOnlyList<Placement> Reservations => _active.Values.Where(p => p.Status == PlacementStatus.Reserved).ToList();

    public static async Task<DestinationDesk> Open(
        IDocumentSession session, string settlementKato, string oblast, DateTimeOffset now, TimeSpan reservationPeriod, CancellationToken cancellationToken,
        bool inTransaction = false) =>
        (await OpenMany(session, [(settlementKato, oblast)], now, reservationPeriod, cancellationToken, inTransaction))[0];

    /// <summary>
    /// Opens the session's transaction with a lock on one case, taken before any destination's lock (always in that
    /// order, so never a deadlock): an approval and a withdrawal of the same case that arrive together are serialised
    /// even before the case has housing at a destination. Continue with <c>Open(…, inTransaction: true)</c>.
    /// </summary>
    public static async Task LockCase(IDocumentSession session, Guid caseId, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?, hashtext(?))", cancellationToken, LockSpace, $"case/{caseId:N}");
    }

    /// <summary>The desks of several destinations in one transaction (bulk imports), locked in KATO order so that no two transactions deadlock.</summary>
    public static async Task<IReadOnlyList<DestinationDesk>> OpenMany(
        IDocumentSession session, IEnumerable<(string SettlementKato, string Oblast)> destinations, DateTimeOffset now, TimeSpan reservationPeriod,
        CancellationToken cancellationToken, bool inTransaction = false)
    {
        if (!inTransaction) await session.BeginTransactionAsync(cancellationToken);
        var desks = new List<DestinationDesk>();
        foreach (var (settlementKato, oblast) in destinations.DistinctBy(d => d.SettlementKato).OrderBy(d => d.SettlementKato, StringComparer.Ordinal))
        {
            await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?, hashtext(?))", cancellationToken, LockSpace, settlementKato);
            var units = await session.Query<HousingUnit>().Where(u => u.SettlementKato == settlementKato).ToListAsync(cancellationToken);
            var active = await session.Query<Placement>()
                .Where(p => p.SettlementKato == settlementKato && (p.Status == PlacementStatus.Waitlisted || p.Status == PlacementStatus.Reserved))
                .ToListAsync(cancellationToken);
            desks.Add(new DestinationDesk(session, settlementKato, oblast, units, active, now, reservationPeriod));
        }

        return desks;
    }

    /// <summary>The stream of a settlement's availability reports: a stable id derived from its KATO code.</summary>
    public static Guid AvailabilityStreamOf(string settlementKato) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("housing-availability/" + settlementKato)).AsSpan(0, 16));

    public HousingUnit? Unit(Guid id) => _units.GetValueOrDefault(id);

    public Placement? Active(Guid caseId) => _active.GetValueOrDefault(caseId);

    public void Register(UnitRegistered registered)
    {
        _session.Events.StartStream<HousingUnit>(registered.UnitId, registered);
        _units[registered.UnitId] = new HousingUnit(registered.UnitId, registered.SettlementKato, registered.Oblast, registered.Type,
            registered.Details, UnitStatus.Available, _now);
        Touch(registered.UnitId, "registered");
        Rebalance();
    }

    public void Edit(HousingUnit unit, UnitDetails details)
    {
        _session.Events.Append(unit.Id, new UnitEdited(unit.Id, details));
        _units[unit.Id] = unit with { Details = details };
        Touch(unit.Id, "edited");
        Rebalance();
    }

    public void TakeOutOfService(HousingUnit unit, string reason)
    {
        _session.Events.Append(unit.Id, new UnitTakenOutOfService(unit.Id, reason));
        _units[unit.Id] = unit with { Status = UnitStatus.OutOfService, OutOfServiceReason = reason };
        Touch(unit.Id, "out-of-service");
    }

    public void BringBackInService(HousingUnit unit)
    {
        _session.Events.Append(unit.Id, new UnitBackInService(unit.Id));
        _units[unit.Id] = unit with { Status = UnitStatus.Available, OutOfServiceReason = null };
        Touch(unit.Id, "back-in-service");
        Rebalance();
    }

    /// <summary>An approved case asks for housing: the best-fitting available unit, or the waitlist.</summary>
    public Placement Request(PlacementRequested requested)
    {
        _session.Events.StartStream<Placement>(requested.CaseId, requested);
        var placement = new Placement(requested.CaseId, requested.HouseholdId, requested.SettlementKato, requested.Oblast, requested.Size,
            requested.ApprovedAt, PlacementStatus.Requested);
        if (BestFit.Choose(_units.Values, placement.Size) is { } unit) return Reserve(placement, unit);

        var waitlisted = placement with { Status = PlacementStatus.Waitlisted };
        _active[placement.Id] = waitlisted;
        var position = Waitlist.ToList().FindIndex(p => p.Id == placement.Id) + 1;
        _session.Events.Append(placement.Id, new CaseWaitlisted(placement.Id, SettlementKato, position));
        return waitlisted;
    }

    /// <summary>The case is withdrawn or cancelled: its unit goes to the waitlist or back to stock; it leaves the waitlist.</summary>
    public void Release(Placement placement, string reason)
    {
        _session.Events.Append(placement.Id, new ReservationReleased(placement.Id, placement.UnitId, reason));
        _active.Remove(placement.Id);
        if (placement.Status == PlacementStatus.Reserved && placement.UnitId is { } unitId) Free(unitId, placement.Id, reason, "released");
        Rebalance();
    }

    public void Expire(Placement placement)
    {
        var unitId = placement.UnitId!.Value;
        _session.Events.Append(placement.Id, new ReservationExpired(placement.Id, unitId));
        _active.Remove(placement.Id);
        Free(unitId, placement.Id, "reservation expired", "expired");
        Rebalance();
    }

    public void Allocate(Placement placement)
    {
        var unitId = placement.UnitId!.Value;
        _session.Events.Append(placement.Id, new HousingAllocated(placement.Id, unitId, placement.HouseholdId));
        _session.Events.Append(unitId, new UnitOccupied(unitId, placement.Id, placement.HouseholdId));
        _active.Remove(placement.Id);
        _units[unitId] = _units[unitId] with { Status = UnitStatus.Occupied, CaseId = placement.Id, ReservedUntil = null };
        Touch(unitId, "occupied");
    }

    /// <summary>A housing officer moves a reservation to another available unit; the expiry stays, the freed unit is re-offered.</summary>
    public Placement Reassign(Placement placement, HousingUnit to, string reason)
    {
        var from = placement.UnitId!.Value;
        var expiresAt = placement.ExpiresAt ?? _now + _reservationPeriod;
        _session.Events.Append(placement.Id, new ReservationReassigned(placement.Id, SettlementKato, from, to.Id, to.Capacity, reason, expiresAt));
        _session.Events.Append(to.Id, new UnitReserved(to.Id, placement.Id, expiresAt));
        _units[to.Id] = to with { Status = UnitStatus.Reserved, CaseId = placement.Id, ReservedUntil = expiresAt };
        Touch(to.Id, "reserved");
        var moved = placement with { UnitId = to.Id, ExpiresAt = expiresAt, Reason = reason };
        _active[placement.Id] = moved;
        Free(from, placement.Id, "reassigned: " + reason, "released");
        Rebalance();
        return moved;
    }

    /// <summary>Records what changed for other services: each touched unit's state, and the availability when it changed.</summary>
    public void Close()
    {
        foreach (var (unitId, change) in _touched)
        {
            var unit = _units[unitId];
            _session.Events.Append(unitId, new UnitStockChanged(unitId, unit.SettlementKato, unit.Oblast, unit.Type.ToWire(), unit.Capacity,
                unit.AppraisedValue, unit.Status.ToWire(), change));
        }

        var after = Availability();
        if (!after.SequenceEqual(_before))
            _session.Events.Append(AvailabilityStreamOf(SettlementKato), new AvailabilityChanged(SettlementKato, Oblast, after));
    }

    /// <summary>Available units go to waitlisted cases, first come first served, each taking the best fit for it.</summary>
    private void Rebalance()
    {
        foreach (var waiting in Waitlist)
            if (BestFit.Choose(_units.Values, waiting.Size) is { } unit) Reserve(waiting, unit);
    }

    private Placement Reserve(Placement placement, HousingUnit unit)
    {
        var expiresAt = _now + _reservationPeriod;
        _session.Events.Append(placement.Id, new HousingReserved(placement.Id, unit.Id, SettlementKato, unit.Capacity, expiresAt));
        _session.Events.Append(unit.Id, new UnitReserved(unit.Id, placement.Id, expiresAt));
        _units[unit.Id] = unit with { Status = UnitStatus.Reserved, CaseId = placement.Id, ReservedUntil = expiresAt };
        Touch(unit.Id, "reserved");
        var reserved = placement with { Status = PlacementStatus.Reserved, UnitId = unit.Id, ExpiresAt = expiresAt };
        _active[placement.Id] = reserved;
        return reserved;
    }

    private void Free(Guid unitId, Guid caseId, string reason, string change)
    {
        _session.Events.Append(unitId, new UnitFreed(unitId, caseId, reason));
        _units[unitId] = _units[unitId] with { Status = UnitStatus.Available, CaseId = null, ReservedUntil = null };
        Touch(unitId, change);
    }

    private void Touch(Guid unitId, string change) => _touched[unitId] = change;

    private List<UnitsAvailable> Availability() =>
        _units.Values.Where(u => u.Status == UnitStatus.Available)
            .GroupBy(u => u.Capacity)
            .OrderBy(g => g.Key)
            .Select(g => new UnitsAvailable(g.Key, g.Count()))
            .ToList();
}
