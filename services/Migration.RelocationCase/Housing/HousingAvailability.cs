namespace Migration.RelocationCase.Housing;

/// <summary><paramref name="Count"/> available units that each house up to <paramref name="Capacity"/> persons.</summary>
public sealed record UnitsAvailable(int Capacity, int Count);

/// <summary>
/// The housing available at a destination settlement, by unit capacity, as the housing-allocation service last reported
/// it (newest by <see cref="At"/> wins). No document for a settlement means no report has arrived, not "no housing".
/// </summary>
/// <param name="Id">The settlement's KATO code.</param>
public sealed record HousingAvailability(string Id, string Oblast, IReadOnlyList<UnitsAvailable> Available, DateTimeOffset At)
{
    /// <summary>Available units big enough for a household of <paramref name="size"/>.</summary>
    public int UnitsFitting(int size) => Available.Where(u => u.Capacity >= size).Sum(u => Math.Max(u.Count, 0));
}
