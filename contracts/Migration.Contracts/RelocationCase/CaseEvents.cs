namespace Migration.Contracts.RelocationCase;

/// <summary>A member of the household of a relocation case (personal data: never log it).</summary>
public sealed record CaseMember(string Iin, DateOnly BirthDate, string Sex, string Relationship);

/// <summary>A caseworker opened a relocation case for a household.</summary>
public sealed record CaseOpened(Guid CaseId, Guid HouseholdId, string OriginKato, string Oblast, int HouseholdSize, string Caseworker, DateTimeOffset OpenedAt);

/// <summary>The household's eligibility was assessed; <paramref name="Reasons"/> are readable sentences.</summary>
public sealed record CaseAssessed(Guid CaseId, bool Eligible, bool HazardPriority, IReadOnlyList<string> Reasons, DateTimeOffset AssessedAt);

/// <summary>The caseworker chose the destination with the household.</summary>
public sealed record DestinationChosen(Guid CaseId, Guid HouseholdId, string DestinationKato, string DestinationOblast, DateTimeOffset ChosenAt);

/// <summary>
/// A supervisor approved the case: housing reserves a unit at the destination (or waitlists the case), payments compute
/// the household's entitlements as of <see cref="ApprovedAt"/>.
/// </summary>
public sealed record CaseApproved(
    Guid CaseId,
    Guid HouseholdId,
    string OriginKato,
    string Oblast,
    string DestinationKato,
    string DestinationOblast,
    IReadOnlyList<CaseMember> Members,
    bool HazardPriority,
    DateTimeOffset ApprovedAt);

/// <summary>A supervisor rejected the case with a reason; it may be reworked and resubmitted.</summary>
public sealed record CaseRejected(Guid CaseId, string Reason, DateTimeOffset RejectedAt);

/// <summary>The household withdrew before the move: housing is released, unpaid payments cancelled.</summary>
public sealed record CaseWithdrawn(Guid CaseId, Guid HouseholdId, string Reason, bool WasApproved, DateTimeOffset WithdrawnAt);

/// <summary>The case was cancelled before the move: housing is released, unpaid payments cancelled.</summary>
public sealed record CaseCancelled(Guid CaseId, Guid HouseholdId, string Reason, bool WasApproved, DateTimeOffset CancelledAt);

/// <summary>The case closed: relocated, or ineligible.</summary>
public sealed record CaseClosed(Guid CaseId, Guid HouseholdId, string Outcome, DateTimeOffset ClosedAt);
