using System.Net;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// The payments of every approved case, by the finance staff of the destination's oblast, working from their queue as
/// finance offices do: a family buying its own home first gets its housing certificate; then the oblast's calculated
/// payments are verified in bulk, each against the budget line of the destination oblast and the family's program
/// year, and approved in bulk by the oblast's senior finance officer, and by a second one where two approvers are
/// needed. Payments that wait for the move stay for the families still waiting for housing. Run again after the bank's
/// returns (<paramref name="reissued"/>), it takes the reissued payments the same way.
/// </summary>
public static class PaymentStage
{
    /// <summary>Payments per bulk request; the service takes up to 500.</summary>
    public const int Chunk = 250;

    public static async Task<string> Run(RunContext run, bool reissued = false)
    {
        var households = run.Households.Where(h => h.Active && h.Approved).ToDictionary(h => h.CaseId!.Value);
        var certificates = reissued ? 0 : await HousingCertificates(run, households.Values);
        var tally = new Tally();
        await run.ForEach(Scenario.StageOne.ReceivingOblasts, async (oblast, ct) =>
        {
            var queue = await Queue(run, oblast, households, reissued, ct);
            foreach (var p in queue) run.PaymentBenefits[p.Id] = p.Benefit;
            var payable = queue.Where(p => p.Household.Failure is null && (!p.AwaitsMove || p.Household.Moved)).ToList();
            Interlocked.Add(ref tally.Waiting, queue.Count(p => p.AwaitsMove && !p.Household.Moved));
            await run.ForEach(payable.Chunk(Chunk), Math.Max(1, run.Parallelism / 3), (chunk, token) => Settle(run, oblast, chunk, tally, token));
        });
        return $"{tally.Approved} payments verified and approved in bulk ({tally.Twice} by two approvers), {certificates} housing certificates, " +
            $"{tally.Waiting} waiting for the move, {tally.Refused} refused";
    }

    /// <summary>
    /// The oblast's queue once it holds everything the stage expects (the payment service calculates payments when it
    /// hears of the approval); after the usual wait, what is there, the households still missing failed.
    /// </summary>
    private static async Task<IReadOnlyList<QueuedPayment>> Queue(
        RunContext run, string oblast, IReadOnlyDictionary<Guid, HouseholdRun> households, bool reissued, CancellationToken ct)
    {
        IReadOnlyList<QueuedPayment> last = [];
        try
        {
            return await Eventually.Get(async () =>
            {
                last = await FinanceWorklist.Calculated(run, oblast, households, ct);
                return Complete(run, oblast, households.Values, last, reissued) ? last : null;
            }, $"the calculated payments of oblast {oblast}", ct);
        }
        catch (ProgramRunException e)
        {
            var listed = last.Select(p => p.Household).ToHashSet();
            foreach (var h in households.Values.Where(h => h.DestinationOblast == oblast && h.Failure is null && !listed.Contains(h)))
                h.Failure = e.Message;
            return last;
        }
    }

    /// <summary>Whether the queue holds everything the stage expects: a payment of every household, or every reissued payment.</summary>
    private static bool Complete(RunContext run, string oblast, IEnumerable<HouseholdRun> households, IReadOnlyList<QueuedPayment> queue, bool reissued)
    {
        var listed = queue.Select(p => p.Id).ToHashSet();
        if (reissued) return run.Reissued.Where(r => r.Value.DestinationOblast == oblast).All(r => listed.Contains(r.Key));
        var paid = queue.Select(p => p.Household).ToHashSet();
        return households.Where(h => h.DestinationOblast == oblast && h.Failure is null).All(paid.Contains);
    }

    /// <summary>Verifies a chunk of the queue, approves what was verified, and gives what needs it to the second approver.</summary>
    private static async Task Settle(RunContext run, string oblast, QueuedPayment[] chunk, Tally tally, CancellationToken ct)
    {
        var byId = chunk.ToDictionary(p => p.Id);
        var verified = await Bulk(run, Cast.FinanceOf(oblast), "/api/payments/verifications",
            chunk.Select(p => (object)new { paymentId = p.Id, version = p.Version, budgetLineId = PlanningStage.LineFor(run, p.Household, p.Benefit) }).ToList(), byId, tally, ct);
        var first = await Approve(run, Cast.SeniorOf(oblast), verified, byId, tally, ct);
        var second = await Approve(run, Cast.SecondApprover, first.Where(r => r.Status == "awaiting-second-approval").ToList(), byId, tally, ct);
        Interlocked.Add(ref tally.Approved, first.Count(r => r.Status == "approved") + second.Count);
        Interlocked.Add(ref tally.Twice, second.Count);
    }

    /// <summary>
    /// An approval of the accepted payments; the payments made after the move wait until the payment service has heard of
    /// the move (refused with <c>payment.awaits-move</c> until then), and are sent again.
    /// </summary>
    private static async Task<List<Accepted>> Approve(
        RunContext run, string approver, IReadOnlyList<Accepted> payments, IReadOnlyDictionary<Guid, QueuedPayment> byId, Tally tally, CancellationToken ct)
    {
        var done = new List<Accepted>();
        var pending = payments.ToDictionary(p => p.Id);
        await Eventually.True(async () =>
        {
            var awaiting = new Dictionary<Guid, Accepted>();
            done.AddRange(await Bulk(run, approver, "/api/payments/approvals",
                pending.Values.Select(p => (object)new { paymentId = p.Id, version = p.Version }).ToList(), byId, tally, ct,
                refusal => refusal.Code == "payment.awaits-move" && awaiting.TryAdd(refusal.Id, pending[refusal.Id])));
            pending = awaiting;
            return pending.Count == 0;
        }, $"the payments approved by {approver} once the payment service knows the moves", ct);
        return done;
    }

    private sealed record Accepted(Guid Id, long Version, string Status);

    private sealed record Outcome(Guid Id, string? Code, string? Detail);

    /// <summary>
    /// One bulk request; the accepted payments with their new version and status. A refused payment fails its household
    /// (the run goes on with the others), unless <paramref name="retry"/> takes it.
    /// </summary>
    private static async Task<List<Accepted>> Bulk(
        RunContext run, string client, string path, List<object> items, IReadOnlyDictionary<Guid, QueuedPayment> byId, Tally tally, CancellationToken ct,
        Func<Outcome, bool>? retry = null)
    {
        var accepted = new List<Accepted>();
        if (items.Count == 0) return accepted;
        var reply = (await run.Gateway.Post(client, path, new { items }, ct)).Expect(HttpStatusCode.OK);
        foreach (var r in reply.Body.GetProperty("results").EnumerateArray())
        {
            var id = r.GetProperty("paymentId").GetGuid();
            if (r.GetProperty("outcome").GetString() == "accepted")
            {
                accepted.Add(new Accepted(id, r.GetProperty("version").GetInt64(), r.GetProperty("status").GetString()!));
                continue;
            }

            var refusal = new Outcome(id, r.GetProperty("code").GetString(), r.GetProperty("detail").GetString());
            if (retry?.Invoke(refusal) == true) continue;
            Interlocked.Increment(ref tally.Refused);
            var household = byId[id].Household;
            household.Failure ??= $"{path} refused payment {id}: {refusal.Code} {refusal.Detail}";
            lock (run.Log) run.Log.WriteLine($"  household {household.Plan.Number}: {household.Failure}");
        }

        return accepted;
    }

    /// <summary>A family buying its own home asks for the housing certificate before its payments are verified.</summary>
    private static async Task<int> HousingCertificates(RunContext run, IEnumerable<HouseholdRun> households)
    {
        var granted = 0;
        await run.ForEachHousehold(households.Where(h => h.Plan.HomePurchase is not null), async (h, ct) =>
        {
            var finance = Cast.FinanceOf(h.DestinationOblast);
            var entitlement = await Eventually.Get(async () =>
            {
                var r = await run.Gateway.Get(finance, $"/api/payments/entitlements/{h.CaseId}", ct);
                return r.IsSuccess ? r : null;
            }, $"the entitlement of case {h.CaseId}", ct);
            if (entitlement.Body.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("benefit").GetString() == "housing-certificate")) return;
            var home = h.Plan.HomePurchase!;
            (await run.Gateway.Post(finance, $"/api/payments/entitlements/{h.CaseId}/housing-certificate",
                new { declaredPriceKzt = home.DeclaredPriceKzt, appraisedValueKzt = home.AppraisedValueKzt }, ct, entitlement.ETag)).Expect();
            Interlocked.Increment(ref granted);
        });
        return granted;
    }

    private sealed class Tally
    {
        public int Approved;
        public int Twice;
        public int Waiting;
        public int Refused;
    }
}
