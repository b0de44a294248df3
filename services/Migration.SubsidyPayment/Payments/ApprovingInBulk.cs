using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.SubsidyPayment.Approvals;
using Migration.SubsidyPayment.Budgets;
using Migration.SubsidyPayment.Cases;

namespace Migration.SubsidyPayment.Payments;

/// <summary>
/// A senior finance officer approves many verified payments at once, each at the version read. Every payment is checked
/// as <see cref="ApprovingPayment"/> checks one (<see cref="PaymentDecisions.Approve"/>: not its verifier nor an earlier
/// approver, within the personal limit, two approvers above the threshold or with a review note, the case still
/// approved, moved when the payment waits for the move). The budget lines the last approvals commit on are locked once
/// each, in id order, before any commitment (so concurrent requests on any number of instances queue on them and never
/// deadlock); then the commitments are made in the order of the request until a line has no room left, and the payments
/// it cannot cover are refused with <c>budget.insufficient</c>.
/// </summary>
public static class ApprovingInBulk
{
    public sealed record Item(Guid? PaymentId, long? Version);

    public sealed record Request(IReadOnlyList<Item>? Items);

    public static async Task<Ok<BulkResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        BulkPayments.Validate(request.Items, i => i.PaymentId, i => i.Version);
        var items = request.Items!;
        var streams = await BulkPayments.Fetch(session, [.. items.Select(i => i.PaymentId!.Value)], cancellationToken);
        var policy = await session.LoadAsync<ApprovalPolicy>(ApprovalPolicy.StreamId, cancellationToken) ?? ApprovalPolicy.Default;
        var caseIds = streams.Values.Select(s => s.Aggregate).OfType<Payment>().Select(p => p.CaseId).Distinct();
        var cases = (await session.LoadManyAsync<CaseRecord>(cancellationToken, caseIds)).ToDictionary(c => c.Id);
        var (caller, limit, now) = (user.CallerId(), user.ApprovalLimit(), clock.GetUtcNow());

        var decisions = new Dictionary<Guid, object>();
        var results = items.Select(item =>
        {
            var id = item.PaymentId!.Value;
            return BulkPayments.Refused(id, () =>
            {
                var payment = BulkPayments.Expect(streams[id], item.Version!.Value, user);
                decisions[id] = PaymentDecisions.Approve(payment, caller, policy, cases.GetValueOrDefault(payment.CaseId), now, limit);
            });
        }).ToList();

        var budget = new BudgetBook(session);
        await budget.Lock(decisions.Values.OfType<PaymentApproved>().Select(a => a.BudgetLineId), cancellationToken);
        var accepted = new Dictionary<Guid, object>();
        for (var i = 0; i < items.Count; i++)
        {
            if (results[i] is not null) continue;
            var (id, version) = (items[i].PaymentId!.Value, items[i].Version!.Value);
            var decision = decisions[id];
            if (decision is PaymentApproved approved)
            {
                results[i] = await BulkPayments.RefusedAsync(id, () => budget.Commit(approved.BudgetLineId, id, approved.AmountKzt, cancellationToken));
                if (results[i] is not null) continue;
            }

            accepted[id] = decision;
            results[i] = BulkOutcome.Done(id, decision is PaymentApproved ? PaymentStatus.Approved : PaymentStatus.AwaitingSecondApproval, version + 1);
        }

        await BulkPayments.Commit(session, streams, accepted, cancellationToken);
        return TypedResults.Ok(BulkResult.Of([.. results.Select(r => r!)]));
    }
}
