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
    public static async Task Record(IDocumentSession session, Guid caseId, IReadOnlyDictionary<Guid, PaymentStatus> changing, CancellationToken cancellationToken)
    {
        var payments = await session.Query<Payment>().Where(p => p.CaseId == caseId).ToListAsync(cancellationToken);
        if (payments.Count == 0 || !payments.All(p => changing.GetValueOrDefault(p.Id, p.Status).IsSettled())) return;
        if (await session.LoadAsync<CaseRecord>(caseId, cancellationToken) is { IsEnded: true }) return;
        var paid = payments.Where(p => changing.GetValueOrDefault(p.Id, p.Status) == PaymentStatus.Paid).Sum(p => p.AmountKzt);
        // FetchForWriting, not Append: in Quick append mode only a fetched stream gives the inline projection its version.
        (await session.Events.FetchForWriting<Entitlement>(caseId, cancellationToken)).AppendOne(new PaymentsSettled(caseId, payments[0].HouseholdId, payments.Count, paid));
    }
}
