using Marten;
using Migration.SubsidyPayment.Cases;
using Migration.SubsidyPayment.Entitlements;

namespace Migration.SubsidyPayment.Payments;

/// <summary>Every payment of the case reached its end; recorded on the case's entitlement stream.</summary>
public sealed record PaymentsSettled(Guid CaseId, Guid HouseholdId, int Payments, decimal PaidKzt);

/// <summary>
/// Tells the case when its payments are all settled (paid, returned, cancelled or reversed), so that the relocation case
/// can close. Called in the transaction that settles a payment, with the statuses it is about to write (the stored
/// documents are updated only at commit). Withdrawn and cancelled cases are not reported: they end on their own.
/// </summary>
public static class CaseSettlement
{
    public static Task Record(IDocumentSession session, Guid caseId, IReadOnlyDictionary<Guid, PaymentStatus> changing, CancellationToken cancellationToken) =>
        Record(session, new StreamsForWriting(session), [caseId], changing, cancellationToken);

    /// <summary>The same for many cases, with a few queries whatever their number (a bank statement settles hundreds).</summary>
    public static async Task Record(
        IDocumentSession session, StreamsForWriting streams, IReadOnlyCollection<Guid> caseIds, IReadOnlyDictionary<Guid, PaymentStatus> changing,
        CancellationToken cancellationToken)
    {
        var ids = caseIds.Distinct().ToArray();
        if (ids.Length == 0) return;
        var settled = (await session.Query<Payment>().Where(p => ids.Contains(p.CaseId)).ToListAsync(cancellationToken))
            .GroupBy(p => p.CaseId)
            .Where(payments => payments.All(p => changing.GetValueOrDefault(p.Id, p.Status).IsSettled()))
            .ToList();
        if (settled.Count == 0) return;
        var ended = (await session.LoadManyAsync<CaseRecord>(cancellationToken, settled.Select(s => s.Key))).Where(c => c.IsEnded).Select(c => c.Id).ToHashSet();
        var reported = settled.Where(s => !ended.Contains(s.Key)).ToList();
        // Fetched for writing, not appended blind: in Quick append mode only a fetched stream gives the inline projection its version.
        await streams.Prefetch<Entitlement>(reported.Select(s => s.Key), cancellationToken);
        foreach (var payments in reported)
        {
            var paid = payments.Where(p => changing.GetValueOrDefault(p.Id, p.Status) == PaymentStatus.Paid).Sum(p => p.AmountKzt);
            (await streams.Of<Entitlement>(payments.Key, cancellationToken)).AppendOne(new PaymentsSettled(payments.Key, payments.First().HouseholdId, payments.Count(), paid));
        }
    }
}
