namespace Migration.SubsidyPayment.Entitlements;

public enum BenefitType
{
    RelocationSubsidy,
    TravelReimbursement,
    RentCompensation,
    HousingCertificate,
}

/// <summary>One monthly instalment of the rent and utilities compensation.</summary>
public sealed record Instalment(int Month, DateOnly DueOn, decimal AmountKzt);

/// <summary>
/// One benefit of the household, with what anyone needs to recompute it: the formula, the MCI units and the MCI value
/// used, and the household size. <see cref="Iin"/> names the person of a per-member one-off benefit (null otherwise).
/// <see cref="CapReductionKzt"/> is what the household cap took from the line (already subtracted from the amount).
/// </summary>
public sealed record EntitlementLine(
    BenefitType Benefit, string? Iin, string Formula, decimal Mci, decimal MciValue, int HouseholdSize, decimal AmountKzt,
    IReadOnlyList<Instalment> Instalments, decimal CapReductionKzt);

/// <summary>A one-off benefit not granted: the person already received it in <see cref="OtherCaseId"/>.</summary>
public sealed record WithheldBenefit(BenefitType Benefit, string Iin, Guid OtherCaseId, string Reason);

/// <summary>The household cap and what it took away, from the last lines first.</summary>
public sealed record CapApplied(decimal CapKzt, string Formula, decimal ReductionKzt);

/// <summary>The household's entitlements for an approved case, computed from the tariffs in force on the approval date.</summary>
public sealed record EntitlementCalculated(
    Guid CaseId,
    Guid HouseholdId,
    string Oblast,
    string DestinationOblast,
    DateOnly ApprovedOn,
    decimal MciValue,
    DateOnly MciEffectiveFrom,
    string ScheduleId,
    int HouseholdSize,
    IReadOnlyList<EntitlementLine> Lines,
    IReadOnlyList<WithheldBenefit> Withheld,
    CapApplied? Cap,
    decimal TotalKzt);

/// <summary>
/// A housing certificate was granted on request: share of the lower of declared price and appraised value, capped.
/// <see cref="Implausibility"/> says why the declared price is not plausible (null when it is): the certificate's payment
/// then needs two approvers, whatever its amount.
/// </summary>
public sealed record HousingCertificateGranted(
    Guid CaseId, decimal DeclaredPriceKzt, decimal AppraisedValueKzt, EntitlementLine Line, CapApplied? Cap, string? Implausibility = null);
