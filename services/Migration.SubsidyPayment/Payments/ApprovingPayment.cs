using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.SubsidyPayment.Approvals;
using Migration.SubsidyPayment.Budgets;
using Migration.SubsidyPayment.Cases;

namespace Migration.SubsidyPayment.Payments;

/// <summary>
/// A senior finance officer approves the payment they read (If-Match: they cannot approve something that changed after
/// they looked, and cannot change it). The rules are <see cref="PaymentDecisions.Approve"/>; the last approval commits the
/// amount on the budget line in the same transaction, under the line's lock, so approvals racing on several instances
/// never commit more than the line has.
/// </summary>
public static class ApprovingPayment
{
    public static async Task<Ok<Payment>> Handle(
        Guid paymentId, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stream = await session.FetchForChange(paymentId, http, user, cancellationToken);
        var payment = stream.Aggregate!;
        var policy = await session.LoadAsync<ApprovalPolicy>(ApprovalPolicy.StreamId, cancellationToken) ?? ApprovalPolicy.Default;
        var standing = await session.LoadAsync<CaseRecord>(payment.CaseId, cancellationToken);
        var decision = PaymentDecisions.Approve(payment, user.CallerId(), policy, standing, clock.GetUtcNow(), user.ApprovalLimit());
        if (decision is PaymentApproved approved)
            await new BudgetBook(session).Commit(approved.BudgetLineId, paymentId, approved.AmountKzt, cancellationToken);
        stream.AppendOne(decision);
        return TypedResults.Ok(await session.SaveAndRead(paymentId, http.HttpContext.Response, user, cancellationToken));
    }
}
