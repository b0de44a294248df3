using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Payments;

namespace Migration.SubsidyPayment.Recoveries;

/// <summary>The claw-back rules, pure: what is due, and which repayments are accepted.</summary>
public static class RecoveryDecisions
{
    public const string NothingPaid = "recovery.nothing-paid";
    public const string Overpaid = "recovery.overpaid";
    public const string DuplicateReference = "recovery.duplicate-reference";

    /// <summary>What the household received in the case and kept: paid payments (returned and reversed ones came back).</summary>
    public static decimal Due(IEnumerable<Payment> payments) => payments.Where(p => p.Status == PaymentStatus.Paid).Sum(p => p.AmountKzt);

    public static RecoveryOpened Open(Guid caseId, IReadOnlyList<Payment> payments, string reason, string by)
    {
        var due = Due(payments);
        if (due <= 0) throw ProblemException.Conflict(NothingPaid, $"Nothing was paid in case {caseId}; there is nothing to recover.");
        return new RecoveryOpened(caseId, payments[0].HouseholdId, payments[0].DestinationOblast, due, reason, by);
    }

    public static RepaymentRecorded Repay(RecoveryCase recovery, decimal amount, DateOnly receivedOn, string reference, string by)
    {
        if (recovery.Repayments.Any(r => string.Equals(r.Reference, reference, StringComparison.Ordinal)))
            throw ProblemException.Conflict(DuplicateReference, $"A repayment with reference '{reference}' is already recorded.");
        if (amount > recovery.OutstandingKzt)
            throw ProblemException.Conflict(Overpaid, $"The household owes {recovery.OutstandingKzt:0.00} KZT; {amount:0.00} KZT is more than that.");
        return new RepaymentRecorded(recovery.CaseId, amount, receivedOn, reference, by);
    }
}
