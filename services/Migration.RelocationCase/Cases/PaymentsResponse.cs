namespace Migration.RelocationCase.Cases;

/// <summary>
/// The case's payments as the API shows them: the entitlement, then amounts and counts by where each payment stands now
/// (every payment in exactly one bucket: verified and awaiting approval; approved, committed and not yet booked; paid;
/// returned; cancelled; reversed), each payment, and whether the payments are settled.
/// </summary>
public sealed record PaymentsResponse(
    decimal? EntitledKzt,
    int WithheldOneOffs,
    DateTimeOffset? EntitledAt,
    decimal VerifiedKzt,
    int VerifiedCount,
    decimal ApprovedKzt,
    int ApprovedCount,
    decimal PaidKzt,
    int PaidCount,
    decimal ReturnedKzt,
    int ReturnedCount,
    decimal CancelledKzt,
    int CancelledCount,
    decimal ReversedKzt,
    int ReversedCount,
    bool Settled,
    DateTimeOffset? SettledAt,
    IReadOnlyList<PaymentLine> Items,
    DateTimeOffset ReportedAt)
{
    public static PaymentsResponse? From(CasePayments? payments, PaymentState? legacy)
    {
        if (payments is null)
        {
            // Cases whose entitlement was recorded on their stream, before the payments had a document of their own.
            return legacy is null ? null : Empty with { EntitledKzt = legacy.EntitledKzt, WithheldOneOffs = legacy.WithheldOneOffs, EntitledAt = legacy.ReportedAt, ReportedAt = legacy.ReportedAt };
        }

        var lines = payments.Lines;
        (decimal Kzt, int Count) Sum(params PaymentStatus[] statuses)
        {
            var chosen = lines.Where(l => statuses.Contains(l.Status)).ToList();
            return (chosen.Sum(l => l.AmountKzt ?? 0m), chosen.Count);
        }

        var verified = Sum(PaymentStatus.Verified);
        var approved = Sum(PaymentStatus.Approved, PaymentStatus.Batched);
        var paid = Sum(PaymentStatus.Paid);
        var returned = Sum(PaymentStatus.Returned);
        var cancelled = Sum(PaymentStatus.Cancelled);
        var reversed = Sum(PaymentStatus.Reversed);
        return new PaymentsResponse(payments.EntitledKzt, payments.WithheldOneOffs, payments.EntitledAt,
            verified.Kzt, verified.Count, approved.Kzt, approved.Count, paid.Kzt, paid.Count, returned.Kzt, returned.Count,
            cancelled.Kzt, cancelled.Count, reversed.Kzt, reversed.Count,
            payments.Settled, payments.Settled ? payments.SettledReportedAt : null, lines, payments.ReportedAt);
    }

    private static readonly PaymentsResponse Empty = new(null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, null, [], DateTimeOffset.MinValue);
}
