using Migration.SubsidyPayment.Entitlements;

namespace Migration.SubsidyPayment.Payments;

/// <summary>The account a payment goes to, as it was when the payment was verified (later changes do not move it).</summary>
public sealed record PayeeAccount(string Iban, string Bic, string BankName, string HolderName);

/// <summary>One approval of a payment: who and within which personal limit.</summary>
public sealed record Approval(string By, decimal LimitKzt, DateTimeOffset At);

/// <summary>
/// A payment was calculated from an entitlement line (or one monthly instalment of it). <see cref="AwaitsMove"/>: it may
/// be approved only once the move is confirmed (travel reimbursement and the rent instalments after the first).
/// <see cref="ReviewNote"/>: why the payment needs two approvers whatever its amount (an implausible declared price).
/// </summary>
public sealed record PaymentCalculated(
    Guid PaymentId, Guid CaseId, Guid HouseholdId, string Oblast, string DestinationOblast, BenefitType Benefit, string? Iin, int? Instalment,
    DateOnly DueOn, decimal AmountKzt, string Formula, bool AwaitsMove, string? ReviewNote = null);

/// <summary>A finance officer corrected the amount of a payment sent back, with the reason.</summary>
public sealed record PaymentCorrected(Guid PaymentId, decimal AmountKzt, decimal PreviousKzt, string Reason, string By);

/// <summary>A finance officer verified the payment, charged it to a budget line and fixed the account it goes to.</summary>
public sealed record PaymentVerified(
    Guid PaymentId, Guid CaseId, Guid HouseholdId, BenefitType Benefit, int? Instalment, decimal AmountKzt, Guid BudgetLineId, PayeeAccount Account, string By);

/// <summary>An approver sent the payment back to the finance officers with the reason (e.g. a wrong amount).</summary>
public sealed record PaymentSentBack(Guid PaymentId, string Reason, string By);

/// <summary>The first of two approvals a payment above the threshold needs.</summary>
public sealed record PaymentApprovalGiven(Guid PaymentId, Approval Approval);

/// <summary>The payment has all its approvals; its amount is committed on the budget line in the same transaction.</summary>
public sealed record PaymentApproved(
    Guid PaymentId, Guid CaseId, Guid HouseholdId, BenefitType Benefit, int? Instalment, decimal AmountKzt, Guid BudgetLineId, Approval Approval, int Approvals);

/// <summary>The payment joined a disbursement batch; the bank reports it by <see cref="EndToEndId"/>.</summary>
public sealed record PaymentBatched(Guid PaymentId, Guid CaseId, Guid BatchId, string EndToEndId);

/// <summary>The batch's files went to the banks.</summary>
public sealed record PaymentSent(Guid PaymentId, Guid BatchId);

/// <summary>A bank statement booked the payment.</summary>
public sealed record PaymentPaid(Guid PaymentId, Guid CaseId, Guid HouseholdId, BenefitType Benefit, decimal AmountKzt, DateOnly BookedOn, string StatementId);

/// <summary>A bank statement returned the payment with the bank's reason.</summary>
public sealed record PaymentReturned(Guid PaymentId, Guid CaseId, Guid HouseholdId, decimal AmountKzt, string ReasonCode, string Reason, string StatementId);

/// <summary>The payment was cancelled before it was batched.</summary>
public sealed record PaymentCancelled(Guid PaymentId, Guid CaseId, Guid HouseholdId, decimal AmountKzt, string Reason, string By);

/// <summary>A returned payment was issued again as <see cref="NewPaymentId"/> (to a corrected account), with the reason.</summary>
public sealed record PaymentReissued(Guid PaymentId, Guid NewPaymentId, string Reason, string By);

/// <summary>A paid payment was reversed (recalled by the bank).</summary>
public sealed record PaymentReversed(Guid PaymentId, Guid CaseId, Guid HouseholdId, decimal AmountKzt, string Reason, string By);
