namespace Migration.RelocationCase.Cases;

public enum CaseStatus
{
    Opened,
    Eligible,
    Ineligible,
    DestinationChosen,
    Submitted,
    Approved,
    Rejected,
    Withdrawn,
    Cancelled,
    Moved,
    Closed,
}

/// <summary>Why a household is, or is not, eligible: a stable code and a sentence a person can read.</summary>
public sealed record EligibilityReason(string Code, bool Met, string Explanation);

/// <summary>A member as the case records them when it opens (the registry stays the source of truth).</summary>
public sealed record CaseMember(string Iin, DateOnly BirthDate, string Sex, string Relationship, string Employment, string? Occupation);

public sealed record CaseOpened(
    Guid CaseId, Guid HouseholdId, string OriginKato, string Oblast, IReadOnlyList<CaseMember> Members, string Caseworker, DateOnly AssessmentDueOn);

public sealed record CaseReassigned(Guid CaseId, string From, string To, string Reason);

public sealed record EligibilityAssessed(
    Guid CaseId, bool Eligible, bool HazardPriority, IReadOnlyList<EligibilityReason> Reasons, DateOnly? DestinationDueOn);

public sealed record DestinationChosen(
    Guid CaseId, Guid HouseholdId, string DestinationKato, string DestinationOblast, string DestinationName, int? RecommendedRank, decimal? RecommendedScore, string Reason);

public sealed record CaseSubmitted(Guid CaseId, DateOnly ApprovalDueOn);

/// <summary>Carries what housing and payments need, so the published contract is built from the event alone.</summary>
public sealed record CaseApproved(
    Guid CaseId, int QuotaYear, DateOnly MoveDueOn, Guid HouseholdId, string OriginKato, string Oblast, string DestinationKato, string DestinationOblast,
    IReadOnlyList<CaseMember> Members, bool HazardPriority);

public sealed record CaseRejected(Guid CaseId, string Reason, DateOnly ReworkDueOn);

public sealed record CaseWithdrawn(Guid CaseId, Guid HouseholdId, string Reason, bool WasApproved);

public sealed record CaseCancelled(Guid CaseId, Guid HouseholdId, string Reason, bool WasApproved);

public sealed record CaseClosedIneligible(Guid CaseId, Guid HouseholdId, string Reason);

public sealed record MoveConfirmed(Guid CaseId, Guid HouseholdId, string OriginKato, string DestinationKato, DateOnly ArrivedOn);

/// <summary>The case closed with its outcome; <paramref name="Trigger"/> says what closed it when nobody did (null: closed by hand).</summary>
public sealed record CaseClosed(Guid CaseId, Guid HouseholdId, string Outcome, string? Trigger = null);

public sealed record NoteAdded(Guid CaseId, Guid NoteId, string Text, bool Confidential);

public sealed record DocumentRecorded(Guid CaseId, Guid DocumentId, string Type, string Number, DateOnly IssuedOn);
