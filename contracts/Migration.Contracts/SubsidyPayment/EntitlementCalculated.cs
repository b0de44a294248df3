namespace Migration.Contracts.SubsidyPayment;

/// <summary>One benefit type of an entitlement: how many lines (people, or 1 for household benefits) and the amount in KZT.</summary>
public sealed record EntitlementSummaryLine(string Benefit, int Lines, decimal AmountKzt);

/// <summary>
/// The household's entitlements for an approved case were computed from the tariffs in force on the approval date
/// (<paramref name="MciValue"/> KZT per MCI). <paramref name="WithheldOneOffs"/>: one-off benefits not granted because the
/// person already received them in another case. No personal data.
/// </summary>
public sealed record EntitlementCalculated(
    Guid CaseId,
    Guid HouseholdId,
    DateOnly ApprovedOn,
    decimal MciValue,
    int HouseholdSize,
    decimal TotalKzt,
    IReadOnlyList<EntitlementSummaryLine> Lines,
    int WithheldOneOffs,
    DateTimeOffset CalculatedAt);
