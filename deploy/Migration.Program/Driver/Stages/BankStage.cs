using System.Net;
using Migration.SimulatedBank;
using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// Per receiving oblast, its finance officer makes a disbursement batch of the approved payments (due within the
/// year of rent compensation, so that the families are paid in full), downloads the pain.001 file of each bank and marks
/// the batch sent; the bank answers with a camt.053 statement, returning with AC04 (closed account) the relocation
/// subsidies of the families whose account was closed; the statements are imported.
/// </summary>
public static class BankStage
{
    public const string ClosedAccount = "AC04";

    public static async Task<string> Run(RunContext run)
    {
        var (api, token) = (run.Gateway, run.CancellationToken);
        var closed = run.Households.Where(h => h.Plan.AccountClosed && h.CaseId is not null).ToDictionary(h => h.CaseId!.Value);
        int batches = 0, files = 0, paid = 0, returned = 0;
        decimal total = 0;
        TimeSpan creating = default, downloading = default, sending = default, importing = default;
        async Task<T> Timed<T>(Func<Task<T>> step, Action<TimeSpan> add)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = await step();
            add(clock.Elapsed);
            return result;
        }

        foreach (var oblast in StageOne.ReceivingOblasts)
        {
            var finance = Cast.FinanceOf(oblast);
            var created = await Timed(() => api.Post(finance, "/api/payments/batches",
                new { executionDate = run.Today.AddMonths(13).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), oblast }, token), t => creating += t);
            if (created.Code == "batch.nothing-to-pay") continue;
            var batch = created.Expect(HttpStatusCode.Created).Body;
            var batchId = batch.GetProperty("id").GetGuid();
            batches++;
            total += batch.GetProperty("controlSumKzt").GetDecimal();
            var orders = new List<(int Index, byte[] Pain, List<(string EndToEndId, Guid CaseId)> Returns)>();
            var index = 0;
            foreach (var file in batch.GetProperty("files").EnumerateArray())
            {
                var pain = (await Timed(() => api.Get(finance, $"/api/payments/batches/{batchId}/files/{file.GetProperty("bic").GetString()}", token), t => downloading += t)).Expect().Raw;
                var returns = file.GetProperty("payments").EnumerateArray()
                    .Where(p => closed.ContainsKey(p.GetProperty("caseId").GetGuid())
                        && run.PaymentBenefits.GetValueOrDefault(p.GetProperty("paymentId").GetGuid()) == "relocation-subsidy"
                        && !run.Reissued.ContainsKey(p.GetProperty("paymentId").GetGuid()))
                    .Select(p => (p.GetProperty("endToEndId").GetString()!, p.GetProperty("caseId").GetGuid())).ToList();
                orders.Add((index++, pain, returns));
            }

            (await Timed(() => api.Post(finance, $"/api/payments/batches/{batchId}/sent", new { }, token, $"\"{batch.GetProperty("version").GetInt64()}\""), t => sending += t)).Expect();
            foreach (var (i, pain, returns) in orders)
            {
                var bank = BankSimulator.Receive(pain);
                foreach (var (endToEndId, caseId) in returns)
                {
                    bank.Return(endToEndId, ClosedAccount, "Account closed");
                    run.Returned.AddOrUpdate(closed[caseId].HouseholdId!.Value, 1, (_, n) => n + 1);
                }

                var statement = BankSimulator.ToUtf8(bank.Statement($"S{i:D2}{batchId:N}"));
                var imported = (await Timed(() => api.Send(finance, HttpMethod.Post, "/api/payments/statements", null, null, token, raw: (statement, "application/xml")), t => importing += t)).Expect();
                paid += imported.Body.GetProperty("paid").GetArrayLength();
                returned += imported.Body.GetProperty("returned").GetArrayLength();
                files++;
            }
        }

        return $"{batches} batches, {files} pain.001 files ({total:N2} KZT); camt.053 statements imported: {paid} paid, {returned} returned ({ClosedAccount}); " +
            $"seconds creating {creating.TotalSeconds:0.0}, downloading {downloading.TotalSeconds:0.0}, sending {sending.TotalSeconds:0.0}, importing {importing.TotalSeconds:0.0}";
    }
}
