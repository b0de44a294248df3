using JasperFx.Events;
using Marten.Events.Aggregation;
using Migration.SubsidyPayment.Entitlements;

namespace Migration.SubsidyPayment.Payments;

/// <summary>A transition of the payment: what, who (the caller recorded on the event) and when.</summary>
public sealed record PaymentStep(string Step, string? By, DateTimeOffset At, string? Note);

/// <summary>
/// One payment to a household: a line of its entitlement, or one monthly instalment. Its own stream, so each payment
/// moves through verification, approval and disbursement independently, with optimistic concurrency on its version.
/// </summary>
public sealed record Payment(
    Guid Id,
    Guid CaseId,
    Guid HouseholdId,
    string Oblast,
    string DestinationOblast,
    BenefitType Benefit,
    string? Iin,
    int? Instalment,
    DateOnly DueOn,
    decimal CalculatedKzt,
    decimal AmountKzt,
    string Formula,
    bool AwaitsMove,
    PaymentStatus Status,
    DateTimeOffset CalculatedAt)
{
    /// <summary>Why this payment needs two approvers whatever its amount (null: the threshold decides).</summary>
    public string? ReviewNote { get; init; }
    public Guid? BudgetLineId { get; init; }
    public PayeeAccount? Account { get; init; }
    public string? VerifiedBy { get; init; }
    public IReadOnlyList<Approval> Approvals { get; init; } = [];
    public Guid? BatchId { get; init; }
    public string? EndToEndId { get; init; }
    public string? StatementId { get; init; }
    public DateOnly? BookedOn { get; init; }
    public string? ReturnReason { get; init; }
    public string? CancelReason { get; init; }
    public string? SentBackReason { get; init; }

    /// <summary>The payment that replaces this returned one (null until it is reissued).</summary>
    public Guid? ReissuedAs { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public IReadOnlyList<PaymentStep> Steps { get; init; } = [];

    /// <summary>The stream version, kept by Marten; sent as the ETag and required back in If-Match.</summary>
    public long Version { get; init; }
}

public partial class PaymentProjection : SingleStreamProjection<Payment, Guid>
{
    public Payment Create(IEvent<PaymentCalculated> e) =>
        new Payment(e.Data.PaymentId, e.Data.CaseId, e.Data.HouseholdId, e.Data.Oblast, e.Data.DestinationOblast, e.Data.Benefit, e.Data.Iin,
            e.Data.Instalment, e.Data.DueOn, e.Data.AmountKzt, e.Data.AmountKzt, e.Data.Formula, e.Data.AwaitsMove, PaymentStatus.Calculated, e.Timestamp)
        { ReviewNote = e.Data.ReviewNote }
        .Step(e, "calculated", e.Data.ReviewNote is null ? e.Data.Formula : $"{e.Data.Formula}; needs two approvers: {e.Data.ReviewNote}");

    public Payment Apply(IEvent<PaymentCorrected> e, Payment p) =>
        (p with { AmountKzt = e.Data.AmountKzt, SentBackReason = null }).Step(e, "corrected", $"{e.Data.PreviousKzt:0.00} → {e.Data.AmountKzt:0.00} KZT: {e.Data.Reason}");

    public Payment Apply(IEvent<PaymentVerified> e, Payment p) =>
        (p with { Status = PaymentStatus.Verified, BudgetLineId = e.Data.BudgetLineId, Account = e.Data.Account, VerifiedBy = e.Data.By, SentBackReason = null })
        .Step(e, "verified", null);

    public Payment Apply(IEvent<PaymentSentBack> e, Payment p) =>
        (p with { Status = PaymentStatus.Calculated, SentBackReason = e.Data.Reason, VerifiedBy = null, Approvals = [], BudgetLineId = null })
        .Step(e, "sent-back", e.Data.Reason);

    public Payment Apply(IEvent<PaymentApprovalGiven> e, Payment p) =>
        (p with { Status = PaymentStatus.AwaitingSecondApproval, Approvals = [.. p.Approvals, e.Data.Approval] }).Step(e, "approval-given", null);

    public Payment Apply(IEvent<PaymentApproved> e, Payment p) =>
        (p with { Status = PaymentStatus.Approved, Approvals = [.. p.Approvals, e.Data.Approval] }).Step(e, "approved", null);

    public Payment Apply(IEvent<PaymentBatched> e, Payment p) =>
        (p with { Status = PaymentStatus.Batched, BatchId = e.Data.BatchId, EndToEndId = e.Data.EndToEndId }).Step(e, "batched", e.Data.EndToEndId);

    public Payment Apply(IEvent<PaymentSent> e, Payment p) => (p with { Status = PaymentStatus.Sent }).Step(e, "sent", null);

    public Payment Apply(IEvent<PaymentPaid> e, Payment p) =>
        (p with { Status = PaymentStatus.Paid, StatementId = e.Data.StatementId, BookedOn = e.Data.BookedOn }).Step(e, "paid", e.Data.StatementId);

    public Payment Apply(IEvent<PaymentReturned> e, Payment p) =>
        (p with { Status = PaymentStatus.Returned, StatementId = e.Data.StatementId, ReturnReason = $"{e.Data.ReasonCode}: {e.Data.Reason}" })
        .Step(e, "returned", $"{e.Data.ReasonCode}: {e.Data.Reason}");

    public Payment Apply(IEvent<PaymentCancelled> e, Payment p) =>
        (p with { Status = PaymentStatus.Cancelled, CancelReason = e.Data.Reason }).Step(e, "cancelled", e.Data.Reason);

    public Payment Apply(IEvent<PaymentReissued> e, Payment p) =>
        (p with { ReissuedAs = e.Data.NewPaymentId }).Step(e, "reissued", $"as {e.Data.NewPaymentId}: {e.Data.Reason}");

    public Payment Apply(IEvent<PaymentReversed> e, Payment p) =>
        (p with { Status = PaymentStatus.Reversed, CancelReason = e.Data.Reason }).Step(e, "reversed", e.Data.Reason);
}

internal static class PaymentSteps
{
    public static Payment Step(this Payment payment, IEvent e, string step, string? note) =>
        payment with { UpdatedAt = e.Timestamp, Steps = [.. payment.Steps, new PaymentStep(step, e.UserName, e.Timestamp, note)] };
}
