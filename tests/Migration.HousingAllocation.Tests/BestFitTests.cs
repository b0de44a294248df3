using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Stock;

namespace Migration.HousingAllocation.Tests;

/// <summary>Best fit, checked by hand: capacity ≥ household, fewest spare places, then lowest appraised value, then id.</summary>
public sealed class BestFitTests
{
    private static HousingUnit Unit(int id, int capacity, decimal value, UnitStatus status = UnitStatus.Available) =>
        new(new Guid(id, 0, 0, new byte[8]), "434030100", "43", UnitType.House, new UnitDetails("ул. Абая, 1", 2, 60m, capacity, value, UnitCondition.New),
            status, DateTimeOffset.UnixEpoch);

    private static readonly HousingUnit[] Stock =
    [
        Unit(1, 2, 1_000_000m),                          // too small for 3
        Unit(2, 6, 2_000_000m),                          // 3 spare
        Unit(3, 4, 6_500_000m),                          // 1 spare, dearer
        Unit(4, 4, 5_200_000m),                          // 1 spare, cheapest of those: the best for 3
        Unit(5, 3, 1_500_000m, UnitStatus.OutOfService), // exact, but out of service
        Unit(6, 3, 1_400_000m, UnitStatus.Reserved),     // exact, but held
        Unit(7, 5, 900_000m),                            // 2 spare, cheap
    ];

    [Fact]
    public void A_household_of_three_gets_the_cheapest_unit_of_four()
    {
        Assert.Equal(4, BestFit.Choose(Stock, 3)!.Id.ToByteArray()[0]);
    }

    [Fact]
    public void Fewest_spare_places_beat_a_lower_value()
    {
        Assert.Equal(1, BestFit.Choose(Stock, 2)!.Id.ToByteArray()[0]);
        Assert.Equal(7, BestFit.Choose(Stock, 5)!.Id.ToByteArray()[0]);
        Assert.Equal(2, BestFit.Choose(Stock, 6)!.Id.ToByteArray()[0]);
    }

    [Fact]
    public void Nothing_fits_a_household_larger_than_every_available_unit()
    {
        Assert.Null(BestFit.Choose(Stock, 7));
    }

    [Fact]
    public void Equal_units_go_by_id_so_every_instance_chooses_the_same()
    {
        Assert.Equal(8, BestFit.Choose([Unit(9, 4, 100m), Unit(8, 4, 100m)], 4)!.Id.ToByteArray()[0]);
    }
}
