namespace Migration.Contracts.SubsidyPayment;

// The payment workflow as other services hear it: calculated → verified → approved → batched → sent → paid or returned;
// cancelled on the way. One payment is one line of an entitlement (or one monthly instalment). No personal data: the
// recipient's IIN and account stay in the payment service.

/// <summary>A finance officer checked a calculated payment against the case file and charged it to a budget line.</summary>
public sealed record PaymentVerified(
    Guid PaymentId, Guid CaseId, Guid HouseholdId, string Benefit, int? Instalment, decimal AmountKzt, Guid BudgetLineId, DateTimeOffset VerifiedAt);

/// <summary>
/// The payment has every approval it needs (one senior finance officer, two above the threshold): its amount is committed
/// on the budget line.
/// </summary>
public sealed record PaymentApproved(
    Guid PaymentId, Guid CaseId, Guid HouseholdId, string Benefit, int? Instalment, decimal AmountKzt, Guid BudgetLineId, int Approvals, DateTimeOffset ApprovedAt);

/// <summary>The payment joined a disbursement batch under <paramref name="EndToEndId"/>, the id the bank reports it by.</summary>
public sealed record PaymentBatched(Guid PaymentId, Guid CaseId, Guid BatchId, string EndToEndId, DateTimeOffset BatchedAt);

/// <summary>The bank's statement booked the payment to the recipient.</summary>
public sealed record PaymentPaid(
    Guid PaymentId, Guid CaseId, Guid HouseholdId, string Benefit, decimal AmountKzt, DateOnly BookedOn, string StatementId, DateTimeOffset RecordedAt);

/// <summary>The bank returned the payment (closed account, wrong name…): the money is back on the budget line.</summary>
public sealed record PaymentReturned(
    Guid PaymentId, Guid CaseId, Guid HouseholdId, decimal AmountKzt, string ReasonCode, string Reason, string StatementId, DateTimeOffset RecordedAt);

/// <summary>The payment will not be made: cancelled with a reason (or because the case was withdrawn or cancelled).</summary>
public sealed record PaymentCancelled(Guid PaymentId, Guid CaseId, Guid HouseholdId, decimal AmountKzt, string Reason, DateTimeOffset CancelledAt);

/// <summary>A paid payment was reversed with a reason (the bank recalled it); the money is back on the budget line.</summary>
public sealed record PaymentReversed(Guid PaymentId, Guid CaseId, Guid HouseholdId, decimal AmountKzt, string Reason, DateTimeOffset ReversedAt);

/// <summary>
/// Every payment of the case has reached its end (paid, cancelled, returned or reversed) and none is pending: the case may
/// close. Sent again when a later payment of the case settles.
/// </summary>
public sealed record CasePaymentsSettled(Guid CaseId, Guid HouseholdId, int Payments, decimal PaidKzt, DateTimeOffset SettledAt);
