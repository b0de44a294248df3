using Migration.Identifiers;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Approvals;
using Migration.SubsidyPayment.Budgets;
using Migration.SubsidyPayment.Cases;

namespace Migration.SubsidyPayment.Payments;

/// <summary>
/// The payment workflow's rules, pure: who may move a payment where, and what is re-checked on the way. Refusals are
/// problems with stable codes: 409 for the state of things, 403 for the four-eyes rule and approval limits.
/// </summary>
public static class PaymentDecisions
{
    public const string WrongStatus = "payment.wrong-status";
    public const string Frozen = "payment.frozen";
    public const string NoAccount = "payment.no-account";
    public const string CaseNotApproved = "payment.case-not-approved";
    public const string AwaitsMove = "payment.awaits-move";
    public const string WrongBudgetOblast = "payment.wrong-budget-oblast";
    public const string FourEyes = "approval.four-eyes";
    public const string NoLimit = "approval.no-limit";
    public const string OverLimit = "approval.over-limit";

    public static PaymentVerified Verify(Payment payment, string caller, BudgetLine line, PayeeAccount? account, CaseRecord? standing)
    {
        Expect(payment, "verified", PaymentStatus.Calculated);
        CaseStillApproved(payment, standing);
        if (!string.Equals(line.Oblast, payment.DestinationOblast, StringComparison.Ordinal))
            throw ProblemException.Conflict(WrongBudgetOblast,
                $"The payment is paid by oblast {payment.DestinationOblast} (the destination); budget line {line.Id} belongs to oblast {line.Oblast}.");
        if (account is null || !Iban.TryParse(account.Iban, out _))
            throw ProblemException.Conflict(NoAccount, $"Household {payment.HouseholdId} has no valid bank account on record; record it first.");
        return new PaymentVerified(payment.Id, payment.CaseId, payment.HouseholdId, payment.Benefit, payment.Instalment, payment.AmountKzt, line.Id, account, caller);
    }

    public static PaymentSentBack SendBack(Payment payment, string caller, string reason)
    {
        Expect(payment, "sent back", PaymentStatus.Verified, PaymentStatus.AwaitingSecondApproval);
        return new PaymentSentBack(payment.Id, reason, caller);
    }

    public static PaymentCorrected Correct(Payment payment, string caller, decimal amount, string reason)
    {
        Expect(payment, "corrected", PaymentStatus.Calculated);
        return new PaymentCorrected(payment.Id, amount, payment.AmountKzt, reason, caller);
    }

    /// <summary>
    /// One approval. The approver is never the verifier nor an earlier approver, and their personal limit covers the amount.
    /// Above the policy's threshold, or when the payment carries a review note, the first approval only records itself; the last one approves (the caller then
    /// commits the funds). The case must still be approved, and moved when the payment waits for the move.
    /// </summary>
    /// <param name="tokenLimit">The caller's limit as the identity provider keeps it (in the token); the lower of it and the
    /// payment service's policy applies, so either side can restrict an approver.</param>
    public static object Approve(Payment payment, string caller, ApprovalPolicy policy, CaseRecord? standing, DateTimeOffset now, decimal? tokenLimit = null)
    {
        Expect(payment, "approved", PaymentStatus.Verified, PaymentStatus.AwaitingSecondApproval);
        if (string.Equals(payment.VerifiedBy, caller, StringComparison.Ordinal))
            throw Forbidden(FourEyes, "You verified this payment; another senior finance officer must approve it.");
        if (payment.Approvals.Any(a => string.Equals(a.By, caller, StringComparison.Ordinal)))
            throw Forbidden(FourEyes, "You already approved this payment; the second approval must come from someone else.");
        var limit = (policy.LimitOf(caller), tokenLimit) switch
        {
            ({ } a, { } b) => Math.Min(a, b),
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => throw Forbidden(NoLimit, "You have no approval limit; a finance admin sets it."),
        };
        if (payment.AmountKzt > limit)
            throw Forbidden(OverLimit, $"The payment of {payment.AmountKzt:0.00} KZT is above your approval limit of {limit:0.00} KZT.");
        CaseStillApproved(payment, standing);
        if (payment.AwaitsMove && standing!.Standing != CaseStanding.Moved)
            throw ProblemException.Conflict(AwaitsMove, $"This payment is made after the move; the move of case {payment.CaseId} is not confirmed yet.");
        if (payment.Account is null || !Iban.TryParse(payment.Account.Iban, out _))
            throw ProblemException.Conflict(NoAccount, "The payment has no valid account; send it back to be verified again.");

        var approval = new Approval(caller, limit, now);
        var needed = payment.AmountKzt > policy.SecondApprovalAboveKzt || payment.ReviewNote is not null ? 2 : 1;
        return payment.Approvals.Count + 1 < needed
            ? new PaymentApprovalGiven(payment.Id, approval)
            : new PaymentApproved(payment.Id, payment.CaseId, payment.HouseholdId, payment.Benefit, payment.Instalment, payment.AmountKzt,
                payment.BudgetLineId!.Value, approval, payment.Approvals.Count + 1);
    }

    /// <summary>Before it is batched a payment may be cancelled; an approved one gives its commitment back (the caller releases it).</summary>
    public static PaymentCancelled Cancel(Payment payment, string caller, string reason)
    {
        if (payment.Status.IsFrozen())
            throw ProblemException.Conflict(Frozen, $"The payment is {payment.Status.ToString().ToLowerInvariant()}: it is in a disbursement batch and can no longer be cancelled.");
        Expect(payment, "cancelled", PaymentStatus.Calculated, PaymentStatus.Verified, PaymentStatus.AwaitingSecondApproval, PaymentStatus.Approved);
        return new PaymentCancelled(payment.Id, payment.CaseId, payment.HouseholdId, payment.AmountKzt, reason, caller);
    }

    public const string AlreadyReissued = "payment.already-reissued";

    /// <summary>
    /// A payment the bank returned is issued again, once: a new payment of the same amount for the same benefit, which goes
    /// through verification (picking up the household's corrected account) and approval like any other.
    /// </summary>
    public static (PaymentReissued Reissued, PaymentCalculated Replacement) Reissue(Payment payment, string caller, string reason)
    {
        Expect(payment, "reissued", PaymentStatus.Returned);
        if (payment.ReissuedAs is { } other) throw ProblemException.Conflict(AlreadyReissued, $"The payment was already reissued as {other}.");
        var replacement = new PaymentCalculated(Guid.CreateVersion7(), payment.CaseId, payment.HouseholdId, payment.Oblast, payment.DestinationOblast, payment.Benefit,
            payment.Iin, payment.Instalment, payment.DueOn, payment.AmountKzt, $"reissue of {payment.Id} (returned: {payment.ReturnReason}): {payment.Formula}",
            payment.AwaitsMove, payment.ReviewNote);
        return (new PaymentReissued(payment.Id, replacement.PaymentId, reason, caller), replacement);
    }

    public static PaymentReversed Reverse(Payment payment, string caller, string reason)
    {
        Expect(payment, "reversed", PaymentStatus.Paid);
        return new PaymentReversed(payment.Id, payment.CaseId, payment.HouseholdId, payment.AmountKzt, reason, caller);
    }

    private static void CaseStillApproved(Payment payment, CaseRecord? standing)
    {
        if (standing is null || standing.IsEnded)
            throw ProblemException.Conflict(CaseNotApproved,
                standing is null
                    ? $"Case {payment.CaseId} is not known as approved."
                    : $"Case {payment.CaseId} was {standing.Standing.ToString().ToLowerInvariant()}: {standing.Reason}");
    }

    private static void Expect(Payment payment, string action, params PaymentStatus[] allowed)
    {
        if (!allowed.Contains(payment.Status))
            throw ProblemException.Conflict(WrongStatus, $"A payment that is {payment.Status.ToString().ToLowerInvariant()} cannot be {action}.");
    }

    private static ProblemException Forbidden(string code, string detail) => new(StatusCodes.Status403Forbidden, code, "Not allowed", detail);
}
