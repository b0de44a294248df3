using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;

namespace Migration.HousingAllocation.Stock;

/// <summary>
/// The stock per settlement (of an oblast, or all in the caller's scope): units available, reserved, occupied and out of
/// service, in all and by capacity. Read from the units' projection.
/// </summary>
public static class StockStatistics
{
    public sealed record Counts(int Available, int Reserved, int Occupied, int OutOfService);

    public sealed record ByCapacity(int Capacity, Counts Units);

    public sealed record Settlement(string SettlementKato, string Oblast, Counts Units, IReadOnlyList<ByCapacity> Capacities);

    public static async Task<Ok<IReadOnlyList<Settlement>>> Handle(ClaimsPrincipal user, IQuerySession session, string? oblast, CancellationToken cancellationToken)
    {
        var scope = user.FindFirst(ClaimNames.Oblast)?.Value;
        if (scope is not null && scope != Oblasts.All)
        {
            if (oblast is not null && oblast != scope) return TypedResults.Ok<IReadOnlyList<Settlement>>([]);
            oblast = scope;
        }

        var query = session.Query<HousingUnit>().AsQueryable();
        if (oblast is not null) query = query.Where(u => u.Oblast == oblast);
        var units = await query.ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Settlement>>(units
            .GroupBy(u => (u.SettlementKato, u.Oblast))
            .OrderBy(g => g.Key.SettlementKato, StringComparer.Ordinal)
            .Select(g => new Settlement(g.Key.SettlementKato, g.Key.Oblast, Count(g),
                g.GroupBy(u => u.Capacity).OrderBy(c => c.Key).Select(c => new ByCapacity(c.Key, Count(c))).ToList()))
            .ToList());
    }

    private static Counts Count(IEnumerable<HousingUnit> units)
    {
        var list = units.ToList();
        return new Counts(list.Count(u => u.Status == UnitStatus.Available), list.Count(u => u.Status == UnitStatus.Reserved),
            list.Count(u => u.Status == UnitStatus.Occupied), list.Count(u => u.Status == UnitStatus.OutOfService));
    }
}
