using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Banking;
using Migration.SubsidyPayment.Budgets;
using Migration.SubsidyPayment.Cases;
using Migration.SubsidyPayment.Payments;
using Migration.SubsidyPayment.Recoveries;

namespace Migration.SubsidyPayment.Disbursement;

/// <summary>
/// Imports a bank's camt.053 statement or camt.054 notification. The file must validate against its official schema, or
/// it is refused whole (400 with the schema errors). Then, in one transaction: matched payments become paid (their
/// commitment becomes spending) or returned (the money goes back to the line); a batch whose reported total differs from
/// its control sum is flagged; a batch whose payments are all paid or returned is reconciled; a case whose payments all
/// ended is reported settled; a payment booked for a withdrawn case is added to its recovery. The same statement imported
/// again answers its first result and changes nothing.
/// </summary>
public static class ImportingStatement
{
    public const string Invalid = "statement.invalid";
    public const string TooLarge = "statement.too-large";
    public const int MaxBytes = 50 * 1024 * 1024;

    public static async Task<Results<Created<ImportedStatement>, Ok<ImportedStatement>>> Handle(
        HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var statement = await Read(http, cancellationToken);
        var key = ImportedStatement.KeyOf(statement.Kind, statement.MessageId);
        await session.LockView($"statement/{key}", cancellationToken);
        if (await session.LoadAsync<ImportedStatement>(key, cancellationToken) is { } earlier) return TypedResults.Ok(earlier);

        var ids = StatementMatching.EndToEndIds(statement).Select(StatementMatching.PaymentIdOf).OfType<Guid>().ToArray();
        var payments = (await session.LoadManyAsync<Payment>(cancellationToken, ids)).ToDictionary(p => p.Id);
        var match = StatementMatching.Match(statement, payments);
        var changed = new Dictionary<Guid, PaymentStatus>();
        var streams = new StreamsForWriting(session);

        await streams.Prefetch<Payment>(match.Paid.Concat(match.Returned).Select(m => m.PaymentId), cancellationToken);
        var budget = new BudgetBook(session);
        await budget.Lock(match.Paid.Concat(match.Returned).Select(m => payments[m.PaymentId].BudgetLineId!.Value), cancellationToken);
        foreach (var paid in match.Paid)
        {
            var p = payments[paid.PaymentId];
            (await streams.Of<Payment>(p.Id, cancellationToken)).AppendOne(new PaymentPaid(p.Id, p.CaseId, p.HouseholdId, p.Benefit, p.AmountKzt, paid.BookedOn, key));
            await budget.Spend(p.BudgetLineId!.Value, p.Id, p.AmountKzt, cancellationToken);
            changed[p.Id] = PaymentStatus.Paid;
        }

        foreach (var returned in match.Returned)
        {
            var p = payments[returned.PaymentId];
            var wasPaid = changed.GetValueOrDefault(p.Id, p.Status) == PaymentStatus.Paid;
            (await streams.Of<Payment>(p.Id, cancellationToken)).AppendOne(new PaymentReturned(p.Id, p.CaseId, p.HouseholdId, p.AmountKzt, returned.ReasonCode!, returned.Reason!, key));
            await budget.Release(p.BudgetLineId!.Value, p.Id, p.AmountKzt, fromSpent: wasPaid, $"returned by the bank: {returned.ReasonCode}", cancellationToken);
            changed[p.Id] = PaymentStatus.Returned;
        }

        var flagged = await FlagAndReconcile(session, streams, statement, key, changed, cancellationToken);
        await CaseSettlement.Record(session, streams, [.. changed.Keys.Select(id => payments[id].CaseId)], changed, cancellationToken);
        await RecoverLateBookings(session, streams, match.Paid.Select(m => payments[m.PaymentId]), cancellationToken);

        var imported = new ImportedStatement(key, statement.Kind, statement.MessageId, statement.CreatedAt, clock.GetUtcNow(), user.CallerId(),
            match.Paid, match.Returned, match.AlreadyRecorded, match.Unmatched, match.Pending, flagged);
        session.Insert(imported);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/payments/statements/{Uri.EscapeDataString(key)}", imported);
    }

    private static async Task<BankStatement> Read(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength > MaxBytes) throw new ProblemException(StatusCodes.Status413PayloadTooLarge, TooLarge, "Statement too large", $"At most {MaxBytes} bytes.");
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes) throw new ProblemException(StatusCodes.Status413PayloadTooLarge, TooLarge, "Statement too large", $"At most {MaxBytes} bytes.");
        try
        {
            return BankStatementFile.Read(buffer.ToArray());
        }
        catch (StatementRejectedException rejected)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, Invalid, "The statement was refused",
                "The file is not a camt.053.001.02 or camt.054.001.02 message valid against its schema; nothing was imported.")
            {
                Extensions = { ["errors"] = rejected.Errors.Take(50).ToList() },
            };
        }
    }

    /// <summary>Flags batches whose reported total differs from the control sum; reconciles batches whose payments all ended.</summary>
    private static async Task<IReadOnlyList<FlaggedBatch>> FlagAndReconcile(
        IDocumentSession session, StreamsForWriting streams, BankStatement statement, string key, IReadOnlyDictionary<Guid, PaymentStatus> changed,
        CancellationToken cancellationToken)
    {
        var batchIds = statement.Entries.Select(e => DisbursementBatch.BatchOf(e.Batch?.PaymentInformationId)).OfType<Guid>()
            .Concat(await BatchesOf(session, changed.Keys, cancellationToken)).Distinct().ToArray();
        var batches = (await session.LoadManyAsync<DisbursementBatch>(cancellationToken, batchIds)).ToDictionary(b => b.Id);
        var flagged = new List<FlaggedBatch>();

        foreach (var (reported, total, file) in StatementMatching.Discrepancies(statement, batches))
        {
            var batchId = DisbursementBatch.BatchOf(file.PaymentInformationId)!.Value;
            (await streams.Of<DisbursementBatch>(batchId, cancellationToken)).AppendOne(new BatchDiscrepancyFlagged(batchId, file.PaymentInformationId, file.ControlSumKzt, total, file.Count, reported.NumberOfTransactions, key));
            flagged.Add(new FlaggedBatch(batchId, file.PaymentInformationId, file.ControlSumKzt, total));
        }

        foreach (var batch in batches.Values.Where(b => b.Status != BatchStatus.Reconciled))
        {
            var members = batch.Files.SelectMany(f => f.Payments).Select(p => p.PaymentId).ToArray();
            var statuses = (await session.LoadManyAsync<Payment>(cancellationToken, members)).Select(p => changed.GetValueOrDefault(p.Id, p.Status)).ToList();
            if (statuses.All(s => s is PaymentStatus.Paid or PaymentStatus.Returned))
                (await streams.Of<DisbursementBatch>(batch.Id, cancellationToken)).AppendOne(new BatchReconciled(batch.Id, statuses.Count(s => s == PaymentStatus.Paid), statuses.Count(s => s == PaymentStatus.Returned)));
        }

        return flagged;
    }

    private static async Task<IEnumerable<Guid>> BatchesOf(IDocumentSession session, IEnumerable<Guid> paymentIds, CancellationToken cancellationToken) =>
        (await session.LoadManyAsync<Payment>(cancellationToken, paymentIds)).Select(p => p.BatchId).OfType<Guid>();

    /// <summary>A payment the bank booked after its case was withdrawn is owed back: it joins (or opens) the case's recovery.</summary>
    private static async Task RecoverLateBookings(IDocumentSession session, StreamsForWriting streams, IEnumerable<Payment> paid, CancellationToken cancellationToken)
    {
        var opened = new HashSet<Guid>();
        var ended = (await session.LoadManyAsync<CaseRecord>(cancellationToken, paid.Select(p => p.CaseId).Distinct())).Where(c => c.IsEnded).ToDictionary(c => c.Id);
        foreach (var payment in paid)
        {
            if (!ended.TryGetValue(payment.CaseId, out var caseRecord)) continue;
            var stream = await streams.Of<RecoveryCase>(RecoveryCase.IdOf(payment.CaseId), cancellationToken);
            if (stream.Aggregate is null && opened.Add(payment.CaseId))
                stream.AppendOne(new RecoveryOpened(payment.CaseId, payment.HouseholdId, payment.DestinationOblast, payment.AmountKzt,
                    $"paid after the case was {caseRecord.Standing.ToString().ToLowerInvariant()}: {caseRecord.Reason}", CaseEnding.System));
            else stream.AppendOne(new RecoveryIncreased(payment.CaseId, payment.Id, payment.AmountKzt));
        }
    }

}
