using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Migration.RelocationCase.Cases;

/// <summary>What the case waits for next, by when, and from whom.</summary>
public sealed record CaseTask(string Name, DateOnly DueOn, string Assignee);

public sealed record CaseNote(Guid Id, string Text, bool Confidential, string By, DateTimeOffset At);

public sealed record CaseDocument(Guid Id, string Type, string Number, DateOnly IssuedOn, string By, DateTimeOffset At);

/// <summary>A relocation case file: the household, where it comes from and goes to, and how far it has got.</summary>
public sealed record CaseFile(
    Guid Id,
    Guid HouseholdId,
    string OriginKato,
    string Oblast,
    IReadOnlyList<CaseMember> Members,
    CaseStatus Status,
    string Caseworker,
    string OpenedBy,
    DateTimeOffset OpenedAt)
{
    /// <summary>The stream version, kept by Marten; sent as the ETag.</summary>
    public long Version { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? AssessedBy { get; init; }

    public bool HazardPriority { get; init; }

    public IReadOnlyList<EligibilityReason> Eligibility { get; init; } = [];

    public string? DestinationKato { get; init; }

    public string? DestinationOblast { get; init; }

    public string? DestinationName { get; init; }

    public string? DestinationReason { get; init; }

    public string? SubmittedBy { get; init; }

    public string? DecidedBy { get; init; }

    public int? QuotaYear { get; init; }

    public string? RejectionReason { get; init; }

    public string? EndReason { get; init; }

    public DateOnly? ArrivedOn { get; init; }

    public CaseTask? Task { get; init; }

    /// <summary>The housing-allocation service's latest report on the case's housing.</summary>
    public HousingState? Housing { get; init; }

    /// <summary>The subsidy-payment service's latest report on the household's support.</summary>
    public PaymentState? Payments { get; init; }

    public IReadOnlyList<CaseNote> Notes { get; init; } = [];

    public IReadOnlyList<CaseDocument> Documents { get; init; } = [];

    public int Size => Members.Count;

    public bool IsOpen => Status is not (CaseStatus.Ineligible or CaseStatus.Withdrawn or CaseStatus.Cancelled or CaseStatus.Closed);

    /// <summary>Everyone who worked on the case before approval: none of them may approve it.</summary>
    public IEnumerable<string> Preparers => new[] { OpenedBy, AssessedBy, SubmittedBy, Caseworker }.OfType<string>().Distinct();
}

public partial class CaseProjection : SingleStreamProjection<CaseFile, Guid>
{
    public CaseFile Create(IEvent<CaseOpened> e) =>
        new CaseFile(e.Data.CaseId, e.Data.HouseholdId, e.Data.OriginKato, e.Data.Oblast, e.Data.Members, CaseStatus.Opened, e.Data.Caseworker,
                e.UserName ?? "unknown", e.Timestamp)
        {
            UpdatedAt = e.Timestamp,
            Task = new CaseTask("assess-eligibility", e.Data.AssessmentDueOn, e.Data.Caseworker),
        };

    public CaseFile Apply(IEvent<CaseReassigned> e, CaseFile c) =>
        c with { Caseworker = e.Data.To, Task = c.Task is { } t && t.Assignee == e.Data.From ? t with { Assignee = e.Data.To } : c.Task, UpdatedAt = e.Timestamp };

    public CaseFile Apply(IEvent<EligibilityAssessed> e, CaseFile c) => c with
    {
        Status = e.Data.Eligible ? CaseStatus.Eligible : CaseStatus.Ineligible,
        AssessedBy = e.UserName,
        HazardPriority = e.Data.HazardPriority,
        Eligibility = e.Data.Reasons,
        Task = e.Data.DestinationDueOn is { } due ? new CaseTask("choose-destination", due, c.Caseworker) : new CaseTask("close-ineligible", DateOnly.FromDateTime(e.Timestamp.UtcDateTime), c.Caseworker),
        UpdatedAt = e.Timestamp,
    };

    public CaseFile Apply(IEvent<CaseClosedIneligible> e, CaseFile c) => c with { Status = CaseStatus.Closed, EndReason = e.Data.Reason, Task = null, UpdatedAt = e.Timestamp };

    public CaseFile Apply(IEvent<DestinationChosen> e, CaseFile c) => c with
    {
        Status = CaseStatus.DestinationChosen,
        DestinationKato = e.Data.DestinationKato,
        DestinationOblast = e.Data.DestinationOblast,
        DestinationName = e.Data.DestinationName,
        DestinationReason = e.Data.Reason,
        Task = new CaseTask("submit-for-approval", c.Task?.DueOn ?? DateOnly.FromDateTime(e.Timestamp.UtcDateTime), c.Caseworker),
        UpdatedAt = e.Timestamp,
    };

    public CaseFile Apply(IEvent<CaseSubmitted> e, CaseFile c) => c with
    {
        Status = CaseStatus.Submitted,
        SubmittedBy = e.UserName,
        RejectionReason = null,
        Task = new CaseTask("approve", e.Data.ApprovalDueOn, "case-supervisor"),
        UpdatedAt = e.Timestamp,
    };

    public CaseFile Apply(IEvent<CaseApproved> e, CaseFile c) => c with
    {
        Status = CaseStatus.Approved,
        DecidedBy = e.UserName,
        QuotaYear = e.Data.QuotaYear,
        Task = new CaseTask("confirm-move", e.Data.MoveDueOn, c.Caseworker),
        UpdatedAt = e.Timestamp,
    };

    public CaseFile Apply(IEvent<CaseRejected> e, CaseFile c) => c with
    {
        Status = CaseStatus.Rejected,
        DecidedBy = e.UserName,
        RejectionReason = e.Data.Reason,
        Task = new CaseTask("rework", e.Data.ReworkDueOn, c.Caseworker),
        UpdatedAt = e.Timestamp,
    };

    public CaseFile Apply(IEvent<CaseWithdrawn> e, CaseFile c) => c with { Status = CaseStatus.Withdrawn, EndReason = e.Data.Reason, Task = null, UpdatedAt = e.Timestamp };

    public CaseFile Apply(IEvent<CaseCancelled> e, CaseFile c) => c with { Status = CaseStatus.Cancelled, EndReason = e.Data.Reason, Task = null, UpdatedAt = e.Timestamp };

    public CaseFile Apply(IEvent<MoveConfirmed> e, CaseFile c) => c with { Status = CaseStatus.Moved, ArrivedOn = e.Data.ArrivedOn, Task = null, UpdatedAt = e.Timestamp };

    public CaseFile Apply(IEvent<CaseClosed> e, CaseFile c) => c with { Status = CaseStatus.Closed, EndReason = e.Data.Outcome, Task = null, UpdatedAt = e.Timestamp };

    public CaseFile Apply(IEvent<HousingReported> e, CaseFile c) => c with { Housing = e.Data.Housing, UpdatedAt = e.Timestamp };

    public CaseFile Apply(IEvent<EntitlementReported> e, CaseFile c) => c with { Payments = e.Data.Payments, UpdatedAt = e.Timestamp };

    public CaseFile Apply(IEvent<NoteAdded> e, CaseFile c) =>
        c with { Notes = [.. c.Notes, new CaseNote(e.Data.NoteId, e.Data.Text, e.Data.Confidential, e.UserName ?? "unknown", e.Timestamp)], UpdatedAt = e.Timestamp };

    public CaseFile Apply(IEvent<DocumentRecorded> e, CaseFile c) =>
        c with { Documents = [.. c.Documents, new CaseDocument(e.Data.DocumentId, e.Data.Type, e.Data.Number, e.Data.IssuedOn, e.UserName ?? "unknown", e.Timestamp)], UpdatedAt = e.Timestamp };
}
