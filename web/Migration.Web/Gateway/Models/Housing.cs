namespace Migration.Web.Gateway.Models;

// The housing-allocation service's stock, reservations and waitlists (docs/api.md, "Housing allocation").

public sealed record UnitDetails(string Address, int Rooms, decimal FloorArea, int Capacity, decimal AppraisedValue, string Condition);

public sealed record HousingUnit(Guid Id, string SettlementKato, string Oblast, string Type, UnitDetails Details, string Status, Guid? CaseId, DateTimeOffset? ReservedUntil);

public sealed record Placement(Guid Id, Guid HouseholdId, string SettlementKato, string Oblast, int Size, DateTimeOffset ApprovedAt, string Status, Guid? UnitId, DateTimeOffset? ExpiresAt);

public sealed record WaitlistEntry(int Position, Guid CaseId, Guid HouseholdId, int HouseholdSize, DateTimeOffset ApprovedAt);
