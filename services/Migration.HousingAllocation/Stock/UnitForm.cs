using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Stock;

/// <summary>The fields a housing officer fills in for a unit, checked the same way on registration and on edit.</summary>
public static class UnitForm
{
    public const int MaxCapacity = 50;

    public static UnitDetails? Details(
        string? address, int? rooms, decimal? floorArea, int? capacity, decimal? appraisedValue, string? condition, ValidationErrors errors)
    {
        errors.Require("address", address);
        if (rooms is not (>= 1 and <= 50)) errors.Add("rooms", "rooms.out-of-range", "'rooms' must be between 1 and 50.");
        if (floorArea is not (> 0 and <= 2000)) errors.Add("floorArea", "floor-area.out-of-range", "'floorArea' must be more than 0 and at most 2000 square metres.");
        if (capacity is not (>= 1 and <= MaxCapacity)) errors.Add("capacity", "capacity.out-of-range", $"'capacity' must be between 1 and {MaxCapacity} persons.");
        if (appraisedValue is not (>= 0) || decimal.Round(appraisedValue.Value, 2) != appraisedValue.Value)
            errors.Add("appraisedValue", "appraised-value.invalid", "'appraisedValue' must be a non-negative amount in KZT with at most two decimals.");
        if (!WireNames.TryParse<UnitCondition>(condition, out var parsedCondition))
            errors.Add("condition", "condition.unknown", $"'condition' must be {WireNames.Choices<UnitCondition>()}.");
        return errors.IsEmpty ? new UnitDetails(address!.Trim(), rooms!.Value, floorArea!.Value, capacity!.Value, appraisedValue!.Value, parsedCondition) : null;
    }
}
