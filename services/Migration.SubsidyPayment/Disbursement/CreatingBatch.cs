using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Payments;

namespace Migration.SubsidyPayment.Disbursement;

/// <summary>
/// Finance staff make a disbursement batch of the approved payments due by the execution date (optionally of one
/// oblast): one credit-transfer file per recipient bank. Each payment is marked batched at the version it was read, so
/// a payment cancelled at the same moment is either in the batch or cancelled, never both; batch creation itself is
/// serialised, so two batches never take the same payment.
/// </summary>
public static class CreatingBatch
{
    public const string NothingToPay = "batch.nothing-to-pay";

    public sealed record Request(DateOnly? ExecutionDate, string? Oblast);

    public static async Task<Created<DisbursementBatch>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, IOptions<DisbursementOptions> options, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.ExecutionDate is null) errors.Add("executionDate", "required", "'executionDate' is required.");
        if (request.Oblast is not null && !Oblasts.IsKnown(request.Oblast)) errors.Add("oblast", "oblast.invalid", "'oblast' must be an oblast code.");
        var scope = user.FindFirstValue(ClaimNames.Oblast);
        if (scope != Oblasts.All && request.Oblast != scope) errors.Add("oblast", "oblast.out-of-scope", $"You work in oblast {scope}: name it in 'oblast'.");
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);

        await session.LockView("disbursement/batching", cancellationToken);
        var due = request.ExecutionDate!.Value;
        var query = session.Query<Payment>().Where(p => p.Status == PaymentStatus.Approved && p.DueOn <= due);
        if (request.Oblast is { } oblast) query = query.Where(p => p.DestinationOblast == oblast);
        var payments = await query.OrderBy(p => p.DueOn).ThenBy(p => p.Id).Take(options.Value.MaxPaymentsPerBatch).ToListAsync(cancellationToken);
        if (payments.Count == 0) throw ProblemException.Conflict(NothingToPay, $"No approved payment is due by {due:yyyy-MM-dd}.");

        var batchId = Guid.CreateVersion7();
        var files = payments.GroupBy(p => p.Account!.Bic).OrderBy(g => g.Key, StringComparer.Ordinal).Select((bank, i) =>
        {
            var batched = bank.Select(p => new BatchedPayment(p.Id, p.CaseId, p.Id.ToString("N"), p.AmountKzt, p.Account!.HolderName, p.Account.Iban, Remittance(p))).ToList();
            return new BankFile(bank.Key, bank.First().Account!.BankName, DisbursementBatch.MessageIdOf(batchId, i + 1), DisbursementBatch.PaymentInformationIdOf(batchId, i + 1),
                batched.Count, batched.Sum(b => b.AmountKzt), batched);
        }).ToList();
        var now = clock.GetUtcNow();
        session.Events.StartStream<DisbursementBatch>(batchId, new BatchCreated(batchId, due, request.Oblast, new DateTimeOffset(now.UtcDateTime, TimeSpan.Zero), files, user.CallerId()));
        var streams = new StreamsForWriting(session);
        await streams.Prefetch<Payment>(payments.Select(p => p.Id), cancellationToken);
        foreach (var payment in payments)
        {
            var stream = await streams.Of<Payment>(payment.Id, cancellationToken);
            if (stream.Aggregate?.Version != payment.Version)
                throw ProblemException.PreconditionFailed($"Payment {payment.Id} changed while the batch was made; make the batch again.");
            stream.AppendOne(new PaymentBatched(payment.Id, payment.CaseId, batchId, payment.Id.ToString("N")));
        }

        await session.SaveChangesAsync(cancellationToken);

        var batch = (await session.LoadAsync<DisbursementBatch>(batchId, cancellationToken))!;
        response.SetETag(batch.Version);
        return TypedResults.Created($"/api/payments/batches/{batchId}", batch);
    }

    /// <summary>What the recipient reads on the bank statement: the program, the benefit, the instalment and the case.</summary>
    private static string Remittance(Payment p) =>
        $"Resettlement program: {p.Benefit.ToWire()}{(p.Instalment is { } i ? $" instalment {i}" : "")}, case {p.CaseId:N}";
}
