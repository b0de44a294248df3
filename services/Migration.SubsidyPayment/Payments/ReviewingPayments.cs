using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Accounts;
using Migration.SubsidyPayment.Budgets;
using Migration.SubsidyPayment.Cases;

namespace Migration.SubsidyPayment.Payments;

/// <summary>
/// A finance officer's side of the workflow: verify a calculated payment (charging it to a budget line of the destination
/// oblast and fixing the household's account), and correct the amount of one an approver sent back. An approver sends a
/// payment back with a reason rather than changing it.
/// </summary>
public static class ReviewingPayments
{
    public sealed record Verification(Guid? BudgetLineId);

    public sealed record Correction(decimal? AmountKzt, string? Reason);

    public sealed record SendBack(string? Reason);

    public static async Task<Ok<Payment>> Verify(
        Guid paymentId, Verification request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (request.BudgetLineId is not { } lineId)
            throw new ValidationProblemException(new ValidationErrors().Add("budgetLineId", "required", "'budgetLineId' is required."));
        var stream = await session.FetchForChange(paymentId, http, user, cancellationToken);
        var payment = stream.Aggregate!;
        var line = await session.LoadAsync<BudgetLine>(lineId, cancellationToken)
            ?? throw ProblemException.NotFound(ReadingBudgets.NotFound, $"No budget line {lineId}.");
        var account = await session.LoadAsync<HouseholdAccount>(payment.HouseholdId, cancellationToken);
        var standing = await session.LoadAsync<CaseRecord>(payment.CaseId, cancellationToken);
        stream.AppendOne(PaymentDecisions.Verify(payment, user.CallerId(), line, account?.Payee, standing));
        return TypedResults.Ok(await session.SaveAndRead(paymentId, http.HttpContext.Response, user, cancellationToken));
    }

    public static async Task<Ok<Payment>> Correct(
        Guid paymentId, Correction request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var amount = Amounts.Check(errors, "amountKzt", request.AmountKzt);
        var reason = Amounts.Text(errors, "reason", request.Reason);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        var stream = await session.FetchForChange(paymentId, http, user, cancellationToken);
        stream.AppendOne(PaymentDecisions.Correct(stream.Aggregate!, user.CallerId(), amount, reason));
        return TypedResults.Ok(await session.SaveAndRead(paymentId, http.HttpContext.Response, user, cancellationToken));
    }

    public static async Task<Ok<Payment>> SendBackToVerifier(
        Guid paymentId, SendBack request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reason = Amounts.Text(errors, "reason", request.Reason);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        var stream = await session.FetchForChange(paymentId, http, user, cancellationToken);
        stream.AppendOne(PaymentDecisions.SendBack(stream.Aggregate!, user.CallerId(), reason));
        return TypedResults.Ok(await session.SaveAndRead(paymentId, http.HttpContext.Response, user, cancellationToken));
    }
}
