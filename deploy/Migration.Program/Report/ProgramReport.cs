using System.Globalization;
using System.Text;
using System.Text.Json;
using Migration.Identifiers;
using Migration.ProgramRun.Driver;

namespace Migration.ProgramRun.Report;

/// <summary>
/// The program report, read from the system's state through the gateway (as the auditor, who reads everything and
/// changes nothing), so it can be printed again at any time: people and households moved by origin and destination
/// oblast, cases by outcome, payments by benefit and funding source, budget execution against allocation, the
/// relocated households' ledgers, and the time each stage of a run took.
/// </summary>
public sealed record ProgramReport(
    IReadOnlyList<CaseRow> Cases, IReadOnlyList<PaymentRow> Payments, IReadOnlyList<BudgetRow> Budgets, LedgerTotals RelocatedLedgers, IReadOnlyList<StageTiming> Stages)
{
    public IReadOnlyDictionary<string, int> CasesByOutcome =>
        Cases.GroupBy(c => c.Outcome).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static async Task<ProgramReport> Read(Gateway api, IReadOnlyList<StageTiming> stages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(api);
        var cases = (await All(api, "/api/cases", ct)).Select(c => new CaseRow(
            c.GetProperty("id").GetGuid(), c.GetProperty("householdId").GetGuid(), c.GetProperty("status").GetString()!,
            Outcomes.Of(c.GetProperty("status").GetString()!, Text(c, "endReason"), c.GetProperty("housing") is { ValueKind: JsonValueKind.Object } h ? Text(h, "status") : null),
            c.GetProperty("oblast").GetString()!, Text(c, "destinationOblast"), c.GetProperty("householdSize").GetInt32())).ToList();

        var lines = (await api.Get(Cast.Auditor, "/api/payments/budgets", ct)).Expect().Body.EnumerateArray()
            .ToDictionary(l => l.GetProperty("id").GetGuid(), l => l.GetProperty("source").GetString()!);
        var payments = (await All(api, "/api/payments", ct)).Select(p => new PaymentRow(
            p.GetProperty("id").GetGuid(), p.GetProperty("householdId").GetGuid(), p.GetProperty("benefit").GetString()!, p.GetProperty("status").GetString()!,
            p.GetProperty("amountKzt").GetDecimal(),
            p.TryGetProperty("budgetLineId", out var line) && line.ValueKind == JsonValueKind.String ? lines.GetValueOrDefault(line.GetGuid(), "?") : "none")).ToList();

        var execution = (await api.Get(Cast.Auditor, "/api/payments/budgets/execution", ct)).Expect().Body;
        var budgets = execution.GetProperty("lines").EnumerateArray().Select(l => new BudgetRow(
            l.GetProperty("fiscalYear").GetInt32(), l.GetProperty("source").GetString()!, l.GetProperty("oblast").GetString()!,
            l.GetProperty("allocatedKzt").GetDecimal(), l.GetProperty("committedKzt").GetDecimal(), l.GetProperty("spentKzt").GetDecimal(),
            l.GetProperty("availableKzt").GetDecimal())).ToList();

        var relocated = cases.Where(c => c.Outcome == Outcomes.Relocated).Select(c => c.HouseholdId).Distinct().ToList();
        decimal entitled = 0, paid = 0, returned = 0;
        foreach (var household in relocated)
        {
            var ledger = await api.Get(Cast.Auditor, $"/api/payments/households/{household}/ledger", ct);
            if (!ledger.IsSuccess) continue; // a case without payments
            var total = ledger.Body.GetProperty("total");
            entitled += total.GetProperty("entitled").GetDecimal();
            paid += total.GetProperty("paid").GetDecimal();
            returned += total.GetProperty("returned").GetDecimal();
        }

        return new ProgramReport(cases, payments, budgets, new LedgerTotals(relocated.Count, entitled, paid, returned), stages);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static async Task<List<JsonElement>> All(Gateway api, string path, CancellationToken ct)
    {
        var all = new List<JsonElement>();
        string? next = null;
        do
        {
            var page = (await api.Get(Cast.Auditor, $"{path}?limit=500{(next is null ? "" : "&continuationToken=" + Uri.EscapeDataString(next))}", ct)).Expect().Body;
            all.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.TryGetProperty("continuationToken", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        while (next is not null);
        return all;
    }

    public string Render()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine("PROGRAM REPORT — State Program of Rural Territories Development, stage 1");
        text.AppendLine();
        text.AppendLine("Moved (moved or relocated cases): households / people, origin oblast → destination oblast");
        var moved = Cases.Where(c => c.Outcome is Outcomes.Relocated or Outcomes.MovedAwaitingPayments).ToList();
        foreach (var g in moved.GroupBy(c => (c.OriginOblast, c.DestinationOblast)).OrderBy(g => g.Key.OriginOblast, StringComparer.Ordinal).ThenBy(g => g.Key.DestinationOblast, StringComparer.Ordinal))
            text.AppendLine(inv, $"  {Oblast(g.Key.OriginOblast),-22} → {Oblast(g.Key.DestinationOblast),-18} {g.Count(),6} {g.Sum(c => c.People),7}");
        text.AppendLine(inv, $"  {"all",-43} {moved.Count,6} {moved.Sum(c => c.People),7}");
        foreach (var g in moved.GroupBy(c => c.DestinationOblast).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine(inv, $"  into {Oblast(g.Key),-38} {g.Count(),6} {g.Sum(c => c.People),7}");
        text.AppendLine();
        text.AppendLine("Cases by outcome: cases / people");
        foreach (var g in Cases.GroupBy(c => c.Outcome).OrderByDescending(g => g.Count()))
            text.AppendLine(inv, $"  {g.Key,-30} {g.Count(),6} {g.Sum(c => c.People),7}");
        text.AppendLine();
        text.AppendLine("Payments by benefit and funding source: count, KZT paid / returned / approved and not yet paid / waiting / cancelled");
        foreach (var g in Payments.GroupBy(p => (p.Benefit, p.Source)).OrderBy(g => g.Key.Benefit, StringComparer.Ordinal).ThenBy(g => g.Key.Source, StringComparer.Ordinal))
            text.AppendLine(inv, $"  {g.Key.Benefit,-22} {g.Key.Source,-10} {g.Count(),6} {Sum(g, "paid"),18:N2} {Sum(g, "returned"),14:N2} {Sum(g, "approved", "batched", "sent"),14:N2} {Sum(g, "calculated", "verified", "awaiting-second-approval"),16:N2} {Sum(g, "cancelled"),14:N2}");
        text.AppendLine(inv, $"  {"all",-33} {Payments.Count,6} {Sum(Payments, "paid"),18:N2} {Sum(Payments, "returned"),14:N2}");
        text.AppendLine();
        text.AppendLine("Budget execution against allocation, KZT: allocated / committed / spent / available (balances?)");
        foreach (var b in Budgets.OrderBy(b => b.FiscalYear).ThenBy(b => b.Source, StringComparer.Ordinal).ThenBy(b => b.Oblast, StringComparer.Ordinal))
            text.AppendLine(inv, $"  {b.FiscalYear} {b.Source,-10} {Oblast(b.Oblast),-18} {b.AllocatedKzt,20:N2} {b.CommittedKzt,16:N2} {b.SpentKzt,16:N2} {b.AvailableKzt,20:N2} {(b.Balances ? "yes" : "NO")}");
        text.AppendLine(inv, $"  {"all",-29} {Budgets.Sum(b => b.AllocatedKzt),20:N2} {Budgets.Sum(b => b.CommittedKzt),16:N2} {Budgets.Sum(b => b.SpentKzt),16:N2} {Budgets.Sum(b => b.AvailableKzt),20:N2}");
        text.AppendLine();
        var l = RelocatedLedgers;
        text.AppendLine(inv, $"Ledgers of the {l.Households} relocated households: entitled {l.EntitledKzt:N2}, paid {l.PaidKzt:N2} KZT " +
            $"(returned by the bank and paid again: {l.ReturnedKzt:N2}); entitled − paid = {l.EntitledKzt - l.PaidKzt:N2}");
        if (Stages.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Time per stage");
            foreach (var s in Stages) text.AppendLine(inv, $"  {s.Stage,-16} {s.Took.TotalSeconds,7:0.0} s {s.Requests,8} requests");
            text.AppendLine(inv, $"  {"all",-16} {Stages.Sum(s => s.Took.TotalSeconds),7:0.0} s {Stages.Sum(s => s.Requests),8} requests");
        }

        return text.ToString();
    }

    private static decimal Sum(IEnumerable<PaymentRow> rows, params string[] statuses) => rows.Where(p => statuses.Contains(p.Status)).Sum(p => p.AmountKzt);

    private static string Oblast(string? code) => code is null ? "—" : $"{code} {Oblasts.NameOf(code)}";
}
