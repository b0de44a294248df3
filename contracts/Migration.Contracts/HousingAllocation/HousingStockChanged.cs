namespace Migration.Contracts.HousingAllocation;

/// <summary>
/// A unit of the housing stock was registered, edited, reserved, released, occupied, or taken out of or back into
/// service: its state after the change.
/// </summary>
/// <param name="Type">house, flat or dormitory-room.</param>
/// <param name="Status">available, reserved, occupied or out-of-service.</param>
/// <param name="Change">What happened, e.g. registered, edited, reserved, released, occupied, out-of-service, back-in-service.</param>
public sealed record HousingStockChanged(
    Guid UnitId, string SettlementKato, string Oblast, string Type, int Capacity, decimal AppraisedValue, string Status, string Change, DateTimeOffset At);
