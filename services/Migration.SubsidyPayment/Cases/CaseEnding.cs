using Marten;
using Migration.SubsidyPayment.Budgets;
using Migration.SubsidyPayment.Entitlements;
using Migration.SubsidyPayment.Payments;
using Migration.SubsidyPayment.Recoveries;

namespace Migration.SubsidyPayment.Cases;

/// <summary>
/// A withdrawn or cancelled case: every payment not yet in a batch is cancelled (approved ones give their commitment
/// back), the one-off benefits those payments carried are released so the person may receive them in a later case, and
/// if anything was already paid a recovery case is opened for it. Payments already with the bank stay; when the bank
/// books them, the recovery grows (<see cref="RecoveryIncreased"/>). One transaction, serialised per case.
/// </summary>
public static class CaseEnding
{
    public const string System = "system";

    public static async Task Apply(IDocumentSession session, CaseRecord ended, CancellationToken cancellationToken)
    {
        // The case first, then its payments are read: an approval being handled at this moment (it holds the same lock)
        // has either committed its payments, which are read here, or will find the case ended and compute nothing.
        // The claim keys sort after the case's key ("case/…" < "relocation-subsidy/…", "travel-reimbursement/…"), as in
        // the approval's consumer, so the two never wait on each other in opposite order.
        await session.LockView($"case/{ended.Id:N}", cancellationToken);
        var payments = await session.Query<Payment>().Where(p => p.CaseId == ended.Id).ToListAsync(cancellationToken);
        await session.LockMoreViews(payments.Where(p => p.Iin is not null).Select(p => OneOffBenefitClaim.KeyOf(p.Benefit, p.Iin!)), cancellationToken);
        var before = await session.LoadAsync<CaseRecord>(ended.Id, cancellationToken);
        var after = CaseRecord.Advance(before, ended);
        session.Store(after);
        if (before is { IsEnded: true } || !after.IsEnded) return;

        var reason = $"case {after.Standing.ToString().ToLowerInvariant()}: {after.Reason}";
        var budget = new BudgetBook(session);
        var open = payments.Where(p => !p.Status.IsFrozen() && !p.Status.IsSettled()).ToList();
        await budget.Lock(open.Where(p => p.Status == PaymentStatus.Approved).Select(p => p.BudgetLineId!.Value), cancellationToken);
        foreach (var payment in open)
        {
            (await session.Events.FetchForWriting<Payment>(payment.Id, cancellationToken)).AppendOne(PaymentDecisions.Cancel(payment, System, reason));
            if (payment.Status == PaymentStatus.Approved)
                await budget.Release(payment.BudgetLineId!.Value, payment.Id, payment.AmountKzt, fromSpent: false, reason, cancellationToken);
        }

        var claims = open.Where(p => p.Iin is not null && OneOffBenefitClaim.OneOff.Contains(p.Benefit)).Select(p => OneOffBenefitClaim.KeyOf(p.Benefit, p.Iin!)).ToArray();
        foreach (var claim in await session.LoadManyAsync<OneOffBenefitClaim>(cancellationToken, claims))
            if (claim.CaseId == ended.Id) session.Delete(claim);

        if (RecoveryDecisions.Due(payments) > 0 && await session.LoadAsync<RecoveryCase>(RecoveryCase.IdOf(ended.Id), cancellationToken) is null)
            session.Events.StartStream<RecoveryCase>(RecoveryCase.IdOf(ended.Id), RecoveryDecisions.Open(ended.Id, payments, reason, System));
    }
}
