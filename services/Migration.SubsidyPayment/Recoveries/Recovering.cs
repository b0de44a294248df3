using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Payments;

namespace Migration.SubsidyPayment.Recoveries;

/// <summary>
/// Recovery cases through the API: a senior finance officer opens one for a household that left after being paid (a
/// withdrawal opens one by itself), finance officers record repayments (If-Match), everyone in finance and audit reads them.
/// </summary>
public static class Recovering
{
    public const string NotFound = "recovery.not-found";

    public sealed record OpenRequest(Guid? CaseId, string? Reason);

    public sealed record RepaymentRequest(decimal? AmountKzt, DateOnly? ReceivedOn, string? Reference);

    public static async Task<Created<RecoveryCase>> Open(OpenRequest request, ClaimsPrincipal user, IDocumentSession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.CaseId is null) errors.Add("caseId", "required", "'caseId' is required.");
        var reason = Amounts.Text(errors, "reason", request.Reason);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);

        var caseId = request.CaseId!.Value;
        var payments = (await session.Query<Payment>().Where(p => p.CaseId == caseId).ToListAsync(cancellationToken)).Where(p => p.Visible(user)).ToList();
        if (payments.Count == 0) throw ProblemException.NotFound(PaymentAccess.NotFound, $"No payments of case {caseId} in your oblast.");
        session.Events.StartStream<RecoveryCase>(RecoveryCase.IdOf(caseId), RecoveryDecisions.Open(caseId, payments, reason, user.CallerId()));
        await session.SaveChangesAsync(cancellationToken);
        var recovery = (await session.LoadAsync<RecoveryCase>(RecoveryCase.IdOf(caseId), cancellationToken))!;
        response.SetETag(recovery.Version);
        return TypedResults.Created($"/api/payments/recoveries/{caseId}", recovery);
    }

    public static async Task<Ok<RecoveryCase>> Repay(
        Guid caseId, RepaymentRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var amount = Amounts.Check(errors, "amountKzt", request.AmountKzt);
        if (request.ReceivedOn is null) errors.Add("receivedOn", "required", "'receivedOn' is required.");
        var reference = Amounts.Text(errors, "reference", request.Reference, 35);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);

        var stream = await session.Events.FetchForWriting<RecoveryCase>(RecoveryCase.IdOf(caseId), http.RequiredVersion(), cancellationToken);
        var recovery = stream.Aggregate is { } found && user.CoversOblast(found.Oblast) ? found : throw Unknown(caseId);
        stream.AppendOne(RecoveryDecisions.Repay(recovery, amount, request.ReceivedOn!.Value, reference, user.CallerId()));
        await session.SaveChangesAsync(cancellationToken);
        var after = (await session.LoadAsync<RecoveryCase>(RecoveryCase.IdOf(caseId), cancellationToken))!;
        http.HttpContext.Response.SetETag(after.Version);
        return TypedResults.Ok(after);
    }

    public static async Task<Ok<RecoveryCase>> Get(Guid caseId, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var recovery = await session.LoadAsync<RecoveryCase>(RecoveryCase.IdOf(caseId), cancellationToken);
        if (recovery is null || !user.CoversOblast(recovery.Oblast)) throw Unknown(caseId);
        response.SetETag(recovery.Version);
        return TypedResults.Ok(recovery);
    }

    public static async Task<Ok<IReadOnlyList<RecoveryCase>>> List(string? status, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = session.Query<RecoveryCase>().AsQueryable();
        if (WireNames.Filter<RecoveryStatus>("status", status) is { } wanted) query = query.Where(r => r.Status == wanted);

        var scope = user.FindFirstValue(ClaimNames.Oblast);
        if (scope != Oblasts.All) query = query.Where(r => r.Oblast == scope);
        return TypedResults.Ok<IReadOnlyList<RecoveryCase>>(await query.OrderBy(r => r.OpenedAt).Take(Paging.MaxLimit).ToListAsync(cancellationToken));
    }

    private static ProblemException Unknown(Guid caseId) => ProblemException.NotFound(NotFound, $"No recovery for case {caseId} in your oblast.");
}
