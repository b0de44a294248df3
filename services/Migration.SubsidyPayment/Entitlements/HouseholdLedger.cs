using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Entitlements;

/// <summary>
/// A household's ledger across its cases, per benefit type: entitled (from the entitlements), approved, paid, returned and
/// recovered. The last four stay 0 until the payment workflow records them.
/// </summary>
public static class HouseholdLedger
{
    public const string NotFound = "ledger.not-found";

    public sealed record Row(BenefitType Benefit, decimal Entitled, decimal Approved, decimal Paid, decimal Returned, decimal Recovered);

    public sealed record Totals(decimal Entitled, decimal Approved, decimal Paid, decimal Returned, decimal Recovered);

    public sealed record Ledger(Guid HouseholdId, IReadOnlyList<Guid> Cases, IReadOnlyList<Row> Benefits, Totals Total);

    public static async Task<Ok<Ledger>> Handle(Guid householdId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var entitlements = (await session.Query<Entitlement>().Where(e => e.HouseholdId == householdId).ToListAsync(cancellationToken))
            .Where(e => e.Visible(user)).OrderBy(e => e.CalculatedAt).ToList();
        if (entitlements.Count == 0) throw ProblemException.NotFound(NotFound, $"No entitlements of household {householdId} in your oblast (yet).");
        var rows = entitlements.SelectMany(e => e.Lines)
            .GroupBy(l => l.Benefit)
            .OrderBy(g => g.Key)
            .Select(g => new Row(g.Key, g.Sum(l => l.AmountKzt), 0m, 0m, 0m, 0m))
            .ToList();
        return TypedResults.Ok(new Ledger(householdId, [.. entitlements.Select(e => e.Id)], rows,
            new Totals(rows.Sum(r => r.Entitled), rows.Sum(r => r.Approved), rows.Sum(r => r.Paid), rows.Sum(r => r.Returned), rows.Sum(r => r.Recovered))));
    }
}
