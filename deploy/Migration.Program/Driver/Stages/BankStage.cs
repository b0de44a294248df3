using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Migration.SimulatedBank;
using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// Per receiving oblast, one after the other, its finance officer makes disbursement batches of the approved
/// payments (due within the year of rent compensation, so that the families are paid in full) until nothing is left to
/// pay (a batch takes at most the service's limit), downloads the pain.001 file of each bank and marks the batch sent;
/// the bank answers with a camt.053 statement, returning with AC04 (closed account) the relocation subsidies of the
/// families whose account was closed; the statements are imported.
/// </summary>
public static class BankStage
{
    public const string ClosedAccount = "AC04";

    public static async Task<string> Run(RunContext run)
    {
        var closed = run.Households.Where(h => h.Plan.AccountClosed && h.CaseId is not null).ToDictionary(h => h.CaseId!.Value);
        var tally = new Tally();
        // One oblast at a time: with the three side by side at factor 1, a batch creation of 5,000 payments once failed (500).
        await run.ForEach(StageOne.ReceivingOblasts, 1, async (oblast, ct) =>
        {
            while (await NextBatch(run, oblast, closed, tally, ct))
            {
                // Batches until nothing approved is left to pay in the oblast.
            }
        });
        return $"{tally.Batches} batches, {tally.Files} pain.001 files ({tally.Total:N2} KZT); camt.053 statements imported: {tally.Paid} paid, " +
            $"{tally.Returned} returned ({ClosedAccount}); seconds creating {tally.Creating.TotalSeconds:0.0}, downloading {tally.Downloading.TotalSeconds:0.0}, " +
            $"sending {tally.Sending.TotalSeconds:0.0}, importing {tally.Importing.TotalSeconds:0.0}";
    }

    /// <summary>One batch of the oblast through the bank; false when nothing was left to pay.</summary>
    private static async Task<bool> NextBatch(RunContext run, string oblast, Dictionary<Guid, HouseholdRun> closed, Tally tally, CancellationToken ct)
    {
        var (api, finance) = (run.Gateway, Cast.FinanceOf(oblast));
        var created = await tally.Timed(() => api.Post(finance, "/api/payments/batches",
            new { executionDate = run.Today.AddMonths(13).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), oblast }, ct), t => tally.Creating += t);
        if (created.Code == "batch.nothing-to-pay") return false;
        var batch = created.Expect(HttpStatusCode.Created).Body;
        var batchId = batch.GetProperty("id").GetGuid();
        tally.Add(() => (tally.Batches, tally.Total) = (tally.Batches + 1, tally.Total + batch.GetProperty("controlSumKzt").GetDecimal()));
        var orders = new List<(byte[] Pain, List<(string EndToEndId, Guid CaseId)> Returns)>();
        foreach (var file in batch.GetProperty("files").EnumerateArray())
        {
            var pain = (await tally.Timed(() => api.Get(finance, $"/api/payments/batches/{batchId}/files/{file.GetProperty("bic").GetString()}", ct),
                t => tally.Downloading += t)).Expect().Raw;
            orders.Add((pain, [.. file.GetProperty("payments").EnumerateArray().Where(p => ReturnedByTheBank(run, closed, p))
                .Select(p => (p.GetProperty("endToEndId").GetString()!, p.GetProperty("caseId").GetGuid()))]));
        }

        (await tally.Timed(() => api.Post(finance, $"/api/payments/batches/{batchId}/sent", new { }, ct, $"\"{batch.GetProperty("version").GetInt64()}\""),
            t => tally.Sending += t)).Expect();
        foreach (var ((pain, returns), i) in orders.Select((o, i) => (o, i)))
        {
            var bank = BankSimulator.Receive(pain);
            foreach (var (endToEndId, caseId) in returns)
            {
                bank.Return(endToEndId, ClosedAccount, "Account closed");
                run.Returned.AddOrUpdate(closed[caseId].HouseholdId!.Value, 1, (_, n) => n + 1);
            }

            var statement = BankSimulator.ToUtf8(bank.Statement($"S{i:D2}{batchId:N}"));
            var imported = (await tally.Timed(() => api.Send(finance, HttpMethod.Post, "/api/payments/statements", null, null, ct, raw: (statement, "application/xml")),
                t => tally.Importing += t)).Expect().Body;
            tally.Add(() => (tally.Paid, tally.Returned, tally.Files) =
                (tally.Paid + imported.GetProperty("paid").GetArrayLength(), tally.Returned + imported.GetProperty("returned").GetArrayLength(), tally.Files + 1));
        }

        return true;
    }

    /// <summary>The bank returns the relocation subsidy of a family whose account was closed (not the payment reissued to its new account).</summary>
    private static bool ReturnedByTheBank(RunContext run, Dictionary<Guid, HouseholdRun> closed, JsonElement payment) =>
        closed.ContainsKey(payment.GetProperty("caseId").GetGuid())
        && run.PaymentBenefits.GetValueOrDefault(payment.GetProperty("paymentId").GetGuid()) == "relocation-subsidy"
        && !run.Reissued.ContainsKey(payment.GetProperty("paymentId").GetGuid());

    /// <summary>What the oblasts did, added up under a lock, and the time of each kind of step.</summary>
    private sealed class Tally
    {
        private readonly Lock gate = new();

        public int Batches { get; set; }
        public int Files { get; set; }
        public int Paid { get; set; }
        public int Returned { get; set; }
        public decimal Total { get; set; }
        public TimeSpan Creating { get; set; }
        public TimeSpan Downloading { get; set; }
        public TimeSpan Sending { get; set; }
        public TimeSpan Importing { get; set; }

        public void Add(Action change)
        {
            lock (gate) change();
        }

        public async Task<T> Timed<T>(Func<Task<T>> step, Action<TimeSpan> add)
        {
            var clock = Stopwatch.StartNew();
            var result = await step();
            Add(() => add(clock.Elapsed));
            return result;
        }
    }
}
