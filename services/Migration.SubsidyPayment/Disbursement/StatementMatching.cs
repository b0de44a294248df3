using Migration.SubsidyPayment.Banking;
using Migration.SubsidyPayment.Payments;

namespace Migration.SubsidyPayment.Disbursement;

/// <summary>A statement line that changes nothing, and why (unknown end-to-end id, a different amount, an unexpected state…).</summary>
public sealed record UnmatchedEntry(string? EndToEndId, decimal AmountKzt, bool IsDebit, string Reason);

/// <summary>A payment the statement booked (paid) or sent back (returned).</summary>
public sealed record MatchedEntry(Guid PaymentId, string EndToEndId, decimal AmountKzt, DateOnly BookedOn, string? ReasonCode, string? Reason);

/// <summary>What a statement says, matched against the payments: paid, returned, already known (repeats), and unmatched.</summary>
public sealed record StatementMatch(
    IReadOnlyList<MatchedEntry> Paid, IReadOnlyList<MatchedEntry> Returned, IReadOnlyList<string> AlreadyRecorded, IReadOnlyList<UnmatchedEntry> Unmatched,
    IReadOnlyList<UnmatchedEntry> Pending);

/// <summary>
/// Statement matching, pure. Entries are matched by the end-to-end id (the payment id the batch wrote); only booked
/// entries count (pending ones are listed, not applied). A debit transaction pays a sent payment when the amounts agree;
/// a transaction with return information returns a sent or paid payment. A payment already in the state the entry puts it
/// in is "already recorded", which is what makes importing a statement (or an overlapping one) twice change nothing.
/// </summary>
public static class StatementMatching
{
    public static IEnumerable<string> EndToEndIds(BankStatement statement) =>
        statement.Entries.SelectMany(e => e.Transactions).Select(t => t.EndToEndId).OfType<string>().Distinct(StringComparer.Ordinal);

    public static Guid? PaymentIdOf(string? endToEndId) => Guid.TryParseExact(endToEndId, "N", out var id) ? id : null;

    public static StatementMatch Match(BankStatement statement, IReadOnlyDictionary<Guid, Payment> payments)
    {
        var paid = new List<MatchedEntry>();
        var returned = new List<MatchedEntry>();
        var known = new List<string>();
        var unmatched = new List<UnmatchedEntry>();
        var pending = new List<UnmatchedEntry>();
        var seen = new Dictionary<Guid, PaymentStatus>();

        foreach (var entry in statement.Entries)
        foreach (var tx in entry.Transactions)
        {
            var bookedOn = entry.BookingDate ?? DateOnly.FromDateTime(statement.CreatedAt.UtcDateTime);
            if (entry.Status != "BOOK")
            {
                pending.Add(new UnmatchedEntry(tx.EndToEndId, tx.Amount, tx.IsDebit, $"entry status {entry.Status}: not booked yet"));
                continue;
            }

            if (PaymentIdOf(tx.EndToEndId) is not { } id || !payments.TryGetValue(id, out var payment))
            {
                unmatched.Add(new UnmatchedEntry(tx.EndToEndId, tx.Amount, tx.IsDebit, "no payment has this end-to-end id"));
                continue;
            }

            var status = seen.GetValueOrDefault(id, payment.Status);
            if (tx.IsReturned)
            {
                if (status == PaymentStatus.Returned) known.Add(tx.EndToEndId!);
                else if (status is PaymentStatus.Sent or PaymentStatus.Batched or PaymentStatus.Paid)
                {
                    returned.Add(new MatchedEntry(id, tx.EndToEndId!, tx.Amount, bookedOn, tx.ReturnReasonCode ?? "NARR", tx.ReturnReason ?? "returned by the bank"));
                    seen[id] = PaymentStatus.Returned;
                }
                else unmatched.Add(new UnmatchedEntry(tx.EndToEndId, tx.Amount, tx.IsDebit, $"a return for a payment that is {status.ToWireName()}"));
            }
            else if (!tx.IsDebit) unmatched.Add(new UnmatchedEntry(tx.EndToEndId, tx.Amount, tx.IsDebit, "a credit without return information"));
            else if (tx.Amount != payment.AmountKzt)
                unmatched.Add(new UnmatchedEntry(tx.EndToEndId, tx.Amount, tx.IsDebit, $"the bank booked {tx.Amount:0.00} KZT; the payment is {payment.AmountKzt:0.00} KZT"));
            else if (status is PaymentStatus.Paid or PaymentStatus.Returned or PaymentStatus.Reversed) known.Add(tx.EndToEndId!);
            else if (status is PaymentStatus.Sent or PaymentStatus.Batched)
            {
                paid.Add(new MatchedEntry(id, tx.EndToEndId!, tx.Amount, bookedOn, null, null));
                seen[id] = PaymentStatus.Paid;
            }
            else unmatched.Add(new UnmatchedEntry(tx.EndToEndId, tx.Amount, tx.IsDebit, $"a booking for a payment that is {status.ToWireName()}"));
        }

        return new StatementMatch(paid, returned, known, unmatched, pending);
    }

    /// <summary>
    /// The batch bookings whose reported total or count differs from the file's control sum and count: the statement's
    /// batch entry (NtryDtls/Btch) against the batch file it names by its payment information id.
    /// </summary>
    public static IEnumerable<(StatementBatch Reported, decimal ReportedKzt, BankFile File)> Discrepancies(
        BankStatement statement, IReadOnlyDictionary<Guid, DisbursementBatch> batches)
    {
        foreach (var entry in statement.Entries.Where(e => e.Batch is not null && e.Status == "BOOK"))
        {
            var reported = entry.Batch!;
            if (DisbursementBatch.BatchOf(reported.PaymentInformationId) is not { } batchId || !batches.TryGetValue(batchId, out var batch)) continue;
            if (batch.FileOf(reported.PaymentInformationId) is not { } file) continue;
            var total = reported.TotalAmount ?? entry.Amount;
            if (total != file.ControlSumKzt || (reported.NumberOfTransactions is { } n && n != file.Count)) yield return (reported, total, file);
        }
    }

    private static string ToWireName(this PaymentStatus status) => Migration.ServiceDefaults.Http.WireNames.ToWire(status);
}
