using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Entitlements;
using Migration.SubsidyPayment.Payments;

namespace Migration.SubsidyPayment.Budgets;

/// <summary>
/// Budget execution as the ministry reports it: per budget line (fiscal year, funding source, oblast) what was allocated,
/// committed, spent and what is available, and within each line the committed and spent amounts per benefit type.
/// Built from the payments charged to the lines, so it always agrees with them.
/// </summary>
public static class BudgetExecution
{
    public sealed record BenefitRow(string Benefit, int Payments, decimal CommittedKzt, decimal SpentKzt);

    public sealed record LineRow(
        Guid LineId, int FiscalYear, string Source, string Oblast, decimal AllocatedKzt, decimal CommittedKzt, decimal SpentKzt, decimal AvailableKzt,
        IReadOnlyList<BenefitRow> Benefits);

    public sealed record Totals(decimal AllocatedKzt, decimal CommittedKzt, decimal SpentKzt, decimal AvailableKzt);

    public sealed record Report(IReadOnlyList<LineRow> Lines, Totals Total);

    private sealed record Charge(Guid? BudgetLineId, BenefitType Benefit, PaymentStatus Status, decimal AmountKzt);

    public static async Task<Ok<Report>> Handle(int? fiscalYear, string? source, string? oblast, IQuerySession session, CancellationToken cancellationToken)
    {
        var lines = (await ReadingBudgets.List(fiscalYear, source, oblast, session, cancellationToken)).Value!;
        var ids = lines.Select(l => (Guid?)l.Id).ToArray();
        var charges = await session.Query<Payment>()
            .Where(p => p.BudgetLineId.In(ids) && (p.Status == PaymentStatus.Approved || p.Status == PaymentStatus.Batched || p.Status == PaymentStatus.Sent || p.Status == PaymentStatus.Paid))
            .Select(p => new Charge(p.BudgetLineId, p.Benefit, p.Status, p.AmountKzt))
            .ToListAsync(cancellationToken);
        var byLine = charges.ToLookup(c => c.BudgetLineId!.Value);
        var rows = lines.Select(l => new LineRow(l.Id, l.FiscalYear, l.Source.ToWire(), l.Oblast, l.AllocatedKzt, l.CommittedKzt, l.SpentKzt, l.AvailableKzt,
            [.. byLine[l.Id].GroupBy(c => c.Benefit).OrderBy(g => g.Key).Select(g => new BenefitRow(g.Key.ToWire(), g.Count(),
                g.Where(c => c.Status != PaymentStatus.Paid).Sum(c => c.AmountKzt), g.Where(c => c.Status == PaymentStatus.Paid).Sum(c => c.AmountKzt)))])).ToList();
        return TypedResults.Ok(new Report(rows, new Totals(rows.Sum(r => r.AllocatedKzt), rows.Sum(r => r.CommittedKzt), rows.Sum(r => r.SpentKzt), rows.Sum(r => r.AvailableKzt))));
    }
}
