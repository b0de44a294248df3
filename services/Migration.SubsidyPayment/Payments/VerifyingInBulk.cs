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
/// A finance officer verifies many calculated payments at once, each against the budget line named beside it and at the
/// version read: every payment is checked as <see cref="ReviewingPayments.Verify"/> checks one (<see cref="PaymentDecisions.Verify"/>:
/// still calculated, the case still approved, a line of the destination oblast, a valid account), and is verified or
/// refused on its own.
/// </summary>
public static class VerifyingInBulk
{
    public sealed record Item(Guid? PaymentId, long? Version, Guid? BudgetLineId);

    public sealed record Request(IReadOnlyList<Item>? Items);

    public static async Task<Ok<BulkResult>> Handle(Request request, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        BulkPayments.Validate(request.Items, i => i.PaymentId, i => i.Version, (errors, item, i) =>
        {
            if (item.BudgetLineId is null) errors.Add($"items[{i}].budgetLineId", "required", $"'items[{i}].budgetLineId' is required.");
        });
        var items = request.Items!;
        var streams = await BulkPayments.Fetch(session, [.. items.Select(i => i.PaymentId!.Value)], cancellationToken);
        var known = streams.Values.Select(s => s.Aggregate).OfType<Payment>().ToList();
        var lines = (await session.LoadManyAsync<BudgetLine>(cancellationToken, items.Select(i => i.BudgetLineId!.Value).Distinct())).ToDictionary(l => l.Id);
        var accounts = (await session.LoadManyAsync<HouseholdAccount>(cancellationToken, known.Select(p => p.HouseholdId).Distinct())).ToDictionary(a => a.Id);
        var cases = (await session.LoadManyAsync<CaseRecord>(cancellationToken, known.Select(p => p.CaseId).Distinct())).ToDictionary(c => c.Id);

        var results = new List<BulkOutcome>();
        var accepted = new Dictionary<Guid, object>();
        foreach (var item in items)
        {
            var id = item.PaymentId!.Value;
            PaymentVerified? verified = null;
            var refused = BulkPayments.Refused(id, () =>
            {
                var payment = BulkPayments.Expect(streams[id], item.Version!.Value, user);
                var line = lines.GetValueOrDefault(item.BudgetLineId!.Value)
                    ?? throw ProblemException.NotFound(ReadingBudgets.NotFound, $"No budget line {item.BudgetLineId}.");
                verified = PaymentDecisions.Verify(payment, user.CallerId(), line, accounts.GetValueOrDefault(payment.HouseholdId)?.Payee, cases.GetValueOrDefault(payment.CaseId));
            });
            if (refused is not null)
            {
                results.Add(refused);
                continue;
            }

            accepted[id] = verified!;
            results.Add(BulkOutcome.Done(id, PaymentStatus.Verified, item.Version!.Value + 1));
        }

        await BulkPayments.Commit(session, streams, accepted, cancellationToken);
        return TypedResults.Ok(BulkResult.Of(results));
    }
}
