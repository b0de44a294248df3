using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Payments;

namespace Migration.SubsidyPayment.Disbursement;

/// <summary>Finance staff record that the batch's files went to the banks (If-Match): its payments are sent.</summary>
public static class SendingBatch
{
    public const string AlreadySent = "batch.already-sent";

    public static async Task<Ok<DisbursementBatch>> Handle(Guid batchId, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForWriting<DisbursementBatch>(batchId, http.RequiredVersion(), cancellationToken);
        var batch = stream.Aggregate ?? throw ProblemException.NotFound(ReadingBatches.NotFound, $"No batch {batchId}.");
        if (batch.Status != BatchStatus.Created) throw ProblemException.Conflict(AlreadySent, $"Batch {batchId} was already sent.");
        stream.AppendOne(new BatchSent(batchId, user.CallerId()));
        var streams = new StreamsForWriting(session);
        var paymentIds = batch.Files.SelectMany(f => f.Payments).Select(p => p.PaymentId).ToList();
        await streams.Prefetch<Payment>(paymentIds, cancellationToken);
        foreach (var paymentId in paymentIds) (await streams.Of<Payment>(paymentId, cancellationToken)).AppendOne(new PaymentSent(paymentId, batchId));
        await session.SaveChangesAsync(cancellationToken);
        var after = (await session.LoadAsync<DisbursementBatch>(batchId, cancellationToken))!;
        http.HttpContext.Response.SetETag(after.Version);
        return TypedResults.Ok(after);
    }
}
