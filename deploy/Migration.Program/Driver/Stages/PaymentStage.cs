using System.Net;
using System.Text.Json;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// The payments of every approved case, by the finance staff of the destination's oblast: a family buying its own home
/// gets its housing certificate; each payment is verified against the budget line of the destination oblast and the
/// family's program year, and approved by the oblast's senior finance officer, and by a second one above the
/// threshold. Payments that wait for the move stay for the families still waiting for housing. Run again after the
/// bank's returns, it takes the reissued payments (the only ones still calculated) the same way.
/// </summary>
public static class PaymentStage
{
    public static async Task<string> Run(RunContext run)
    {
        var api = run.Gateway;
        int approved = 0, twice = 0, certificates = 0, waiting = 0;
        await run.ForEachHousehold(run.Households.Where(h => h.Active && h.Approved), async (h, ct) =>
        {
            var (finance, senior) = (Cast.FinanceOf(h.DestinationOblast), Cast.SeniorOf(h.DestinationOblast));
            var entitlement = await Eventually.Get(async () =>
            {
                var r = await api.Get(finance, $"/api/payments/entitlements/{h.CaseId}", ct);
                return r.IsSuccess ? r : null;
            }, $"the entitlement of case {h.CaseId}", ct);
            if (h.Plan.HomePurchase is { } home
                && !entitlement.Body.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("benefit").GetString() == "housing-certificate"))
            {
                entitlement = (await api.Post(finance, $"/api/payments/entitlements/{h.CaseId}/housing-certificate",
                    new { declaredPriceKzt = home.DeclaredPriceKzt, appraisedValueKzt = home.AppraisedValueKzt }, ct, entitlement.ETag)).Expect();
                Interlocked.Increment(ref certificates);
            }

            var expected = entitlement.Body.GetProperty("lines").EnumerateArray().Sum(l =>
                l.GetProperty("instalments").GetArrayLength() is var n and > 0 ? n : l.GetProperty("amountKzt").GetDecimal() > 0 ? 1 : 0);
            var payments = await Eventually.Get(async () =>
            {
                var items = PlanningStage.Items((await api.Get(finance, $"/api/payments?caseId={h.CaseId}&limit=500", ct)).Expect());
                return items.GetArrayLength() >= expected ? items.EnumerateArray().ToList() : null;
            }, $"the {expected} payments of case {h.CaseId}", ct);

            foreach (var payment in payments)
            {
                var id = payment.GetProperty("id").GetGuid();
                var benefit = payment.GetProperty("benefit").GetString()!;
                run.PaymentBenefits[id] = benefit;
                if (payment.GetProperty("status").GetString() != "calculated") continue;
                if (payment.GetProperty("awaitsMove").GetBoolean() && !h.Moved)
                {
                    Interlocked.Increment(ref waiting);
                    continue;
                }

                var verified = (await api.Post(finance, $"/api/payments/{id}/verification", new { budgetLineId = PlanningStage.LineFor(run, h, benefit) }, ct,
                    Version(payment))).Expect();
                var first = await Approve(run, senior, id, verified.Body, ct);
                if (first.GetProperty("status").GetString() == "awaiting-second-approval")
                {
                    await Approve(run, Cast.SecondApprover, id, first, ct);
                    Interlocked.Increment(ref twice);
                }

                Interlocked.Increment(ref approved);
            }
        });
        return $"{approved} payments verified and approved ({twice} by two approvers), {certificates} housing certificates, {waiting} waiting for the move";
    }

    /// <summary>An approval; a payment made after the move waits until the payment service has heard of the move.</summary>
    private static async Task<JsonElement> Approve(RunContext run, string approver, Guid id, JsonElement payment, CancellationToken ct)
    {
        var version = Version(payment);
        var reply = await Eventually.Get(async () =>
        {
            var r = await run.Gateway.Post(approver, $"/api/payments/{id}/approval", new { }, ct, version);
            return r.Code == "payment.awaits-move" ? null : r;
        }, $"payment {id} free to approve after the move", ct);
        return reply.Expect(HttpStatusCode.OK).Body;
    }

    private static string Version(JsonElement payment) => $"\"{payment.GetProperty("version").GetInt64()}\"";
}
