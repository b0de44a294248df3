namespace Migration.Contracts.HousingAllocation;

/// <summary>
/// The housing available at a destination settlement changed (a unit was added, reserved, released or occupied):
/// the available units there by capacity in persons, after the change. Every message carries the whole picture of the
/// settlement, so a consumer keeps its view from any one message, the newest by <see cref="At"/> winning.
/// </summary>
/// <param name="SettlementKato">The 9-digit KATO code of the destination settlement.</param>
/// <param name="Oblast">The settlement's 2-digit KATO oblast code.</param>
/// <param name="Available">Available units grouped by capacity (an empty list: nothing is available there now).</param>
/// <param name="At">When the housing-allocation service recorded the change.</param>
public sealed record HousingAvailabilityChanged(string SettlementKato, string Oblast, IReadOnlyList<AvailableUnits> Available, DateTimeOffset At);

/// <summary><paramref name="Count"/> available units that each house up to <paramref name="Capacity"/> persons.</summary>
public sealed record AvailableUnits(int Capacity, int Count);
