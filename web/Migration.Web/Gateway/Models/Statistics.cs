namespace Migration.Web.Gateway.Models;

// Monitoring figures: the case service's statistics and the receiving oblasts' quotas.

public sealed record StatusCount(string Status, int Cases, int People);

public sealed record DestinationCount(string Oblast, string? OblastName, int Approved, int Moved, int People);

public sealed record CaseStatistics(IReadOnlyList<StatusCount> ByStatus, IReadOnlyList<DestinationCount> ByDestinationOblast, int Overdue);

public sealed record Quota(string Oblast, string? OblastName, int Year, int? MaxHouseholds, int? MaxPeople, int HouseholdsApproved, int PeopleApproved);

public sealed record Quotas(int Year, IReadOnlyList<Quota> Items);

public sealed record DayStatusCount(string Status, int Cases);

public sealed record StatusDay(DateOnly Date, IReadOnlyList<DayStatusCount> ByStatus);

/// <summary>Cases in each status at the end of each day of a period (<c>GET /api/cases/statistics/daily</c>).</summary>
public sealed record StatusHistory(DateOnly From, DateOnly To, IReadOnlyList<StatusDay> Days);
