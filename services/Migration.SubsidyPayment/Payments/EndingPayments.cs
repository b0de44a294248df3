using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Budgets;

namespace Migration.SubsidyPayment.Payments;

/// <summary>
/// Cancelling a payment before it is batched (an approved one gives its commitment back to the budget line), reissuing
/// one the bank returned, and reversing a paid one the bank recalled (its spending goes back). Each with a reason, each
/// in one transaction with the budget.
/// </summary>
public static class EndingPayments
{
    public sealed record Request(string? Reason);

    public static async Task<Ok<Payment>> Cancel(
        Guid paymentId, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var reason = Reason(request);
        var stream = await session.FetchForChange(paymentId, http, user, cancellationToken);
        var payment = stream.Aggregate!;
        stream.AppendOne(PaymentDecisions.Cancel(payment, user.CallerId(), reason));
        if (payment.Status == PaymentStatus.Approved)
            await new BudgetBook(session).Release(payment.BudgetLineId!.Value, paymentId, payment.AmountKzt, fromSpent: false, $"cancelled: {reason}", cancellationToken);
        await CaseSettlement.Record(session, payment.CaseId, new Dictionary<Guid, PaymentStatus> { [paymentId] = PaymentStatus.Cancelled }, cancellationToken);
        return TypedResults.Ok(await session.SaveAndRead(paymentId, http.HttpContext.Response, user, cancellationToken));
    }

    /// <summary>Issues a returned payment again (If-Match on the returned one); answers the new payment, 201.</summary>
    public static async Task<Created<Payment>> Reissue(
        Guid paymentId, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var reason = Reason(request);
        var stream = await session.FetchForChange(paymentId, http, user, cancellationToken);
        var (reissued, replacement) = PaymentDecisions.Reissue(stream.Aggregate!, user.CallerId(), reason);
        stream.AppendOne(reissued);
        session.Events.StartStream<Payment>(replacement.PaymentId, replacement);
        var created = await session.SaveAndRead(replacement.PaymentId, http.HttpContext.Response, user, cancellationToken);
        return TypedResults.Created($"/api/payments/{created.Id}", created);
    }

    public static async Task<Ok<Payment>> Reverse(
        Guid paymentId, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var reason = Reason(request);
        var stream = await session.FetchForChange(paymentId, http, user, cancellationToken);
        var payment = stream.Aggregate!;
        stream.AppendOne(PaymentDecisions.Reverse(payment, user.CallerId(), reason));
        await new BudgetBook(session).Release(payment.BudgetLineId!.Value, paymentId, payment.AmountKzt, fromSpent: true, $"reversed: {reason}", cancellationToken);
        return TypedResults.Ok(await session.SaveAndRead(paymentId, http.HttpContext.Response, user, cancellationToken));
    }

    private static string Reason(Request request)
    {
        var errors = new ValidationErrors();
        var reason = Amounts.Text(errors, "reason", request.Reason);
        return errors.IsEmpty ? reason : throw new ValidationProblemException(errors);
    }
}
