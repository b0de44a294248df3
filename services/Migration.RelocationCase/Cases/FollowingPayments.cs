using Marten;
using MassTransit;
using Migration.ServiceDefaults.Messaging;
using Payments = Migration.Contracts.SubsidyPayment;

namespace Migration.RelocationCase.Cases;

/// <summary>What the subsidy-payment service reported about the household's support: entitled so far.</summary>
/// <remarks>Only read from cases whose stream still has <see cref="EntitlementReported"/> events.</remarks>
public sealed record PaymentState(decimal EntitledKzt, int WithheldOneOffs, DateTimeOffset ReportedAt);

/// <summary>
/// The entitlement as it was once recorded on the case stream. No longer appended (the payments have their document,
/// <see cref="CasePayments"/>); kept so that streams which have it still load and show it.
/// </summary>
public sealed record EntitlementReported(Guid CaseId, PaymentState Payments);

/// <summary>
/// The case follows its payments through the payment service's events, into <see cref="CasePayments"/> and never onto
/// the case's stream, so a caseworker's ETag survives them. The payment service reports every step of every payment, so
/// reports are taken in batches (<see cref="IdempotentBatchConsumer{TMessage}"/>: one transaction, each message once):
/// the cases of a batch are locked together (advisory locks on their documents, in one order, taken before anything is
/// read), so one case's reports are still applied one batch at a time, in any order (see <see cref="CasePayments"/>).
/// Reports about unknown cases (another environment's) are ignored. When a case's reports leave its payments settled and
/// the move is confirmed, the case closes (<see cref="ClosingOnSettlement"/>), the closure caused by the batch's last
/// report of that case.
/// </summary>
public abstract class PaymentReportConsumer<T>(IDocumentStore store, TimeProvider clock, ILogger logger) : IdempotentBatchConsumer<T>(store, clock, logger)
    where T : class
{
    protected abstract Guid CaseOf(T message);

    protected abstract CasePayments Apply(CasePayments p, T m);

    protected override async Task Handle(IReadOnlyList<ConsumeContext<T>> messages, IDocumentSession session, CancellationToken cancellationToken)
    {
        var byCase = messages.GroupBy(m => CaseOf(m.Message)).ToList();
        await session.LockViews(byCase.Select(c => CasePayments.LockKey(c.Key)), cancellationToken);
        var batch = session.CreateBatchQuery();
        var fetches = byCase.Select(c => (Reports: c, Stream: batch.Events.FetchForWriting<CaseFile>(c.Key))).ToList();
        var known = batch.LoadMany<CasePayments>().ById(byCase.Select(c => c.Key).ToArray());
        await batch.Execute(cancellationToken);
        var payments = (await known).ToDictionary(p => p.Id);
        foreach (var (reports, fetch) in fetches)
        {
            var stream = await fetch;
            if (stream.Aggregate is not { } c) continue;
            var after = reports.Aggregate(payments.GetValueOrDefault(reports.Key) ?? new CasePayments(reports.Key), (p, m) => Apply(p, m.Message));
            session.Store(after);
            if (ClosingOnSettlement.Closes(c.Status, after)) stream.AppendOne(CausedBy(ClosingOnSettlement.Close(session, c), reports.Last()));
        }
    }

    protected static PaymentReport Report(string what, Guid? paymentId, decimal? amountKzt, DateTimeOffset at) => new(what, paymentId, amountKzt, at);
}

/// <summary>The entitlement computed at approval; a recalculation replaces an older one.</summary>
public sealed class EntitlementCalculatedConsumer(IDocumentStore store, TimeProvider clock, ILogger<EntitlementCalculatedConsumer> logger)
    : PaymentReportConsumer<Payments.EntitlementCalculated>(store, clock, logger)
{
    protected override Guid CaseOf(Payments.EntitlementCalculated m) => m.CaseId;

    protected override CasePayments Apply(CasePayments p, Payments.EntitlementCalculated m) =>
        p.Entitled(m.TotalKzt, m.WithheldOneOffs, m.CalculatedAt, Report("entitlement-calculated", null, m.TotalKzt, m.CalculatedAt));
}

public sealed class PaymentVerifiedConsumer(IDocumentStore store, TimeProvider clock, ILogger<PaymentVerifiedConsumer> logger)
    : PaymentReportConsumer<Payments.PaymentVerified>(store, clock, logger)
{
    protected override Guid CaseOf(Payments.PaymentVerified m) => m.CaseId;

    protected override CasePayments Apply(CasePayments p, Payments.PaymentVerified m) =>
        p.Payment(new PaymentLine(m.PaymentId, m.Benefit, m.Instalment, m.AmountKzt, PaymentStatus.Verified, m.VerifiedAt),
            Report("payment-verified", m.PaymentId, m.AmountKzt, m.VerifiedAt));
}

public sealed class PaymentApprovedConsumer(IDocumentStore store, TimeProvider clock, ILogger<PaymentApprovedConsumer> logger)
    : PaymentReportConsumer<Payments.PaymentApproved>(store, clock, logger)
{
    protected override Guid CaseOf(Payments.PaymentApproved m) => m.CaseId;

    protected override CasePayments Apply(CasePayments p, Payments.PaymentApproved m) =>
        p.Payment(new PaymentLine(m.PaymentId, m.Benefit, m.Instalment, m.AmountKzt, PaymentStatus.Approved, m.ApprovedAt),
            Report("payment-approved", m.PaymentId, m.AmountKzt, m.ApprovedAt));
}

public sealed class PaymentBatchedConsumer(IDocumentStore store, TimeProvider clock, ILogger<PaymentBatchedConsumer> logger)
    : PaymentReportConsumer<Payments.PaymentBatched>(store, clock, logger)
{
    protected override Guid CaseOf(Payments.PaymentBatched m) => m.CaseId;

    protected override CasePayments Apply(CasePayments p, Payments.PaymentBatched m) =>
        p.Payment(new PaymentLine(m.PaymentId, null, null, null, PaymentStatus.Batched, m.BatchedAt), Report("payment-batched", m.PaymentId, null, m.BatchedAt));
}

public sealed class PaymentPaidConsumer(IDocumentStore store, TimeProvider clock, ILogger<PaymentPaidConsumer> logger)
    : PaymentReportConsumer<Payments.PaymentPaid>(store, clock, logger)
{
    protected override Guid CaseOf(Payments.PaymentPaid m) => m.CaseId;

    protected override CasePayments Apply(CasePayments p, Payments.PaymentPaid m) =>
        p.Payment(new PaymentLine(m.PaymentId, m.Benefit, null, m.AmountKzt, PaymentStatus.Paid, m.RecordedAt), Report("payment-paid", m.PaymentId, m.AmountKzt, m.RecordedAt));
}

public sealed class PaymentReturnedConsumer(IDocumentStore store, TimeProvider clock, ILogger<PaymentReturnedConsumer> logger)
    : PaymentReportConsumer<Payments.PaymentReturned>(store, clock, logger)
{
    protected override Guid CaseOf(Payments.PaymentReturned m) => m.CaseId;

    protected override CasePayments Apply(CasePayments p, Payments.PaymentReturned m) =>
        p.Payment(new PaymentLine(m.PaymentId, null, null, m.AmountKzt, PaymentStatus.Returned, m.RecordedAt), Report("payment-returned", m.PaymentId, m.AmountKzt, m.RecordedAt));
}

public sealed class PaymentCancelledConsumer(IDocumentStore store, TimeProvider clock, ILogger<PaymentCancelledConsumer> logger)
    : PaymentReportConsumer<Payments.PaymentCancelled>(store, clock, logger)
{
    protected override Guid CaseOf(Payments.PaymentCancelled m) => m.CaseId;

    protected override CasePayments Apply(CasePayments p, Payments.PaymentCancelled m) =>
        p.Payment(new PaymentLine(m.PaymentId, null, null, m.AmountKzt, PaymentStatus.Cancelled, m.CancelledAt), Report("payment-cancelled", m.PaymentId, m.AmountKzt, m.CancelledAt));
}

public sealed class PaymentReversedConsumer(IDocumentStore store, TimeProvider clock, ILogger<PaymentReversedConsumer> logger)
    : PaymentReportConsumer<Payments.PaymentReversed>(store, clock, logger)
{
    protected override Guid CaseOf(Payments.PaymentReversed m) => m.CaseId;

    protected override CasePayments Apply(CasePayments p, Payments.PaymentReversed m) =>
        p.Payment(new PaymentLine(m.PaymentId, null, null, m.AmountKzt, PaymentStatus.Reversed, m.ReversedAt), Report("payment-reversed", m.PaymentId, m.AmountKzt, m.ReversedAt));
}

/// <summary>Every payment of the case has ended: with the move confirmed, the case closes.</summary>
public sealed class CasePaymentsSettledConsumer(IDocumentStore store, TimeProvider clock, ILogger<CasePaymentsSettledConsumer> logger)
    : PaymentReportConsumer<Payments.CasePaymentsSettled>(store, clock, logger)
{
    protected override Guid CaseOf(Payments.CasePaymentsSettled m) => m.CaseId;

    protected override CasePayments Apply(CasePayments p, Payments.CasePaymentsSettled m) =>
        p.SettledAt(m.SettledAt, Report("case-payments-settled", null, m.PaidKzt, m.SettledAt));
}
