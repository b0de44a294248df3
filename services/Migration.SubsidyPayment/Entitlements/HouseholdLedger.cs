using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Payments;
using Migration.SubsidyPayment.Recoveries;

namespace Migration.SubsidyPayment.Entitlements;

/// <summary>
/// A household's ledger across its cases, per benefit type: entitled (from the entitlements), approved (approved and not
/// cancelled, returned or reversed), paid, returned; and what was recovered from it. Entitled versus paid, side by side,
/// is how an underpaid family is noticed.
/// </summary>
public static class HouseholdLedger
{
    public const string NotFound = "ledger.not-found";

    public sealed record Row(BenefitType Benefit, decimal Entitled, decimal Approved, decimal Paid, decimal Returned, decimal Recovered);

    public sealed record Totals(decimal Entitled, decimal Approved, decimal Paid, decimal Returned, decimal Recovered, decimal RecoveryOutstanding);

    public sealed record Ledger(Guid HouseholdId, IReadOnlyList<Guid> Cases, IReadOnlyList<Row> Benefits, Totals Total);

    public static async Task<Ok<Ledger>> Handle(Guid householdId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var entitlements = (await session.Query<Entitlement>().Where(e => e.HouseholdId == householdId).ToListAsync(cancellationToken))
            .Where(e => e.Visible(user)).OrderBy(e => e.CalculatedAt).ToList();
        if (entitlements.Count == 0) throw ProblemException.NotFound(NotFound, $"No entitlements of household {householdId} in your oblast (yet).");
        var cases = entitlements.Select(e => e.Id).ToHashSet();
        var payments = (await session.Query<Payment>().Where(p => p.HouseholdId == householdId).ToListAsync(cancellationToken))
            .Where(p => cases.Contains(p.CaseId)).ToList();
        var recoveries = (await session.Query<RecoveryCase>().Where(r => r.HouseholdId == householdId).ToListAsync(cancellationToken))
            .Where(r => cases.Contains(r.CaseId)).ToList();

        var entitled = entitlements.SelectMany(e => e.Lines).ToLookup(l => l.Benefit, l => l.AmountKzt);
        var paid = payments.ToLookup(p => p.Benefit);
        var rows = entitled.Select(g => g.Key).Union(paid.Select(g => g.Key)).Order()
            .Select(benefit => new Row(benefit, entitled[benefit].Sum(),
                Sum(paid[benefit], s => s.CountsAsApproved()), Sum(paid[benefit], s => s == PaymentStatus.Paid), Sum(paid[benefit], s => s == PaymentStatus.Returned), 0m))
            .ToList();
        var recovered = recoveries.Sum(r => r.RepaidKzt);
        return TypedResults.Ok(new Ledger(householdId, [.. cases], rows,
            new Totals(rows.Sum(r => r.Entitled), rows.Sum(r => r.Approved), rows.Sum(r => r.Paid), rows.Sum(r => r.Returned), recovered,
                recoveries.Sum(r => r.OutstandingKzt))));
    }

    private static decimal Sum(IEnumerable<Payment> payments, Func<PaymentStatus, bool> counted) => payments.Where(p => counted(p.Status)).Sum(p => p.AmountKzt);
}
