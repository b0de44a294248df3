using Migration.SubsidyPayment.Entitlements;

namespace Migration.SubsidyPayment.Payments;

/// <summary>
/// The payments an entitlement becomes, pure: one per line, one per monthly instalment of the rent compensation. What
/// helps the household move (the relocation subsidy, the first rent instalment, the housing certificate) may be paid on
/// approval; what pays for the move done (travel reimbursement, the remaining instalments) waits for the confirmed move,
/// so that no family is paid in full for a move made only on paper. Lines the household cap reduced to zero are not paid.
/// </summary>
public static class PaymentPlan
{
    /// <summary>The case the payments belong to.</summary>
    public sealed record Payee(Guid CaseId, Guid HouseholdId, string Oblast, string DestinationOblast);

    public static IReadOnlyList<PaymentCalculated> For(Payee entitlement, IEnumerable<EntitlementLine> lines, DateOnly payableFrom, string? reviewNote = null) =>
    [
        .. lines.SelectMany(line => line.Benefit == BenefitType.RentCompensation
            ? line.Instalments.Where(i => i.AmountKzt > 0).Select(i => Payment(entitlement, line, i.Month, i.DueOn, i.AmountKzt, i.Month > 1,
                $"instalment {i.Month} of {line.Instalments.Count}: {line.Formula}"))
            : line.AmountKzt > 0
                ? [Payment(entitlement, line, null, payableFrom, line.AmountKzt, line.Benefit == BenefitType.TravelReimbursement, line.Formula) with { ReviewNote = reviewNote }]
                : []),
    ];

    private static PaymentCalculated Payment(Payee e, EntitlementLine line, int? instalment, DateOnly dueOn, decimal amount, bool awaitsMove, string formula) =>
        new(Guid.CreateVersion7(), e.CaseId, e.HouseholdId, e.Oblast, e.DestinationOblast, line.Benefit, line.Iin, instalment, dueOn, amount, formula, awaitsMove);
}
