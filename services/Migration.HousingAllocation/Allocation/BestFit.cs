using Migration.HousingAllocation.Stock;

namespace Migration.HousingAllocation.Allocation;

/// <summary>
/// Which available unit a household gets: one that houses everyone, with the fewest spare places, then the lowest
/// appraised value, then the lowest id (so that every instance chooses the same).
/// </summary>
public static class BestFit
{
    public static HousingUnit? Choose(IEnumerable<HousingUnit> units, int householdSize) =>
        units
            .Where(u => u.Status == UnitStatus.Available && u.Capacity >= householdSize)
            .OrderBy(u => u.Capacity - householdSize)
            .ThenBy(u => u.AppraisedValue)
            .ThenBy(u => u.Id)
            .FirstOrDefault();
}
