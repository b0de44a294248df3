namespace Migration.Web.Gateway.Models;

// The relocation-case service's answers (docs/api.md, "Relocation cases"), as far as the interface reads them.

public sealed record EligibilityReason(string Code, bool Met, string Explanation);

public sealed record CaseTask(string Name, DateOnly DueOn, string Assignee);

public sealed record CaseNote(Guid Id, string Text, bool Confidential, string By, DateTimeOffset At);

public sealed record HousingState(string Status, Guid? UnitId, string? SettlementKato, int? Capacity, DateTimeOffset? ExpiresAt, int? WaitlistPosition, DateTimeOffset ReportedAt);

public sealed record CasePaymentLine(Guid PaymentId, string? Benefit, int? Instalment, decimal? AmountKzt, string Status, DateTimeOffset At);

public sealed record CasePayments(
    decimal? EntitledKzt, decimal VerifiedKzt, decimal ApprovedKzt, decimal PaidKzt, decimal ReturnedKzt, decimal CancelledKzt, bool Settled,
    IReadOnlyList<CasePaymentLine> Items);

public sealed record CaseFile(
    Guid Id,
    Guid HouseholdId,
    string Status,
    string OriginKato,
    string Oblast,
    int HouseholdSize,
    string Caseworker,
    bool HazardPriority,
    IReadOnlyList<EligibilityReason> Eligibility,
    string? DestinationKato,
    string? DestinationOblast,
    string? DestinationName,
    string? DestinationReason,
    string? RejectionReason,
    string? EndReason,
    DateOnly? ArrivedOn,
    CaseTask? Task,
    bool Overdue,
    HousingState? Housing,
    CasePayments? Payments,
    IReadOnlyList<CaseNote> Notes,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    DateTimeOffset UpdatedAt,
    long Version);

/// <summary>One line of a case's timeline; <see cref="Details"/> is the event as the service recorded it.</summary>
public sealed record TimelineEntry(long? Version, string What, DateTimeOffset At, string? By, System.Text.Json.JsonElement? Details = null);

public sealed record ScoreReason(string Factor, decimal Points, string Explanation);

public sealed record Recommendation(int Rank, string Kato, string Name, string Oblast, decimal Score, IReadOnlyList<ScoreReason> Reasons);

public sealed record ExcludedCount(string Code, int Count);

public sealed record Recommendations(
    Guid HouseholdId, int Year, int HouseholdSize, int WorkingAgeMembers,
    [property: System.Text.Json.Serialization.JsonPropertyName("recommendations")] IReadOnlyList<Recommendation> Items,
    IReadOnlyList<ExcludedCount> Excluded);
