using System.Globalization;
using Migration.SubsidyPayment.Tariffs;

namespace Migration.SubsidyPayment.Entitlements;

/// <summary>
/// The entitlement arithmetic, pure: per-member relocation subsidy, travel (head and other members), monthly rent
/// compensation by household size as instalments, then the household cap. Amounts in KZT are rounded to 2 places, half
/// away from zero, line by line (an instalment is rounded, the rent total is instalment × months).
/// </summary>
public static class EntitlementDecisions
{
    /// <summary>A member as payments need them; with no head marked, the first member counts as head.</summary>
    public sealed record Member(string Iin, bool IsHead);

    public sealed record Household(Guid CaseId, Guid HouseholdId, string Oblast, string DestinationOblast, DateOnly ApprovedOn, IReadOnlyList<Member> Members);

    public static decimal Kzt(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Numbers as formulas show them: "1,030", "0.5".</summary>
    public static string Show(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <param name="claimed">One-off benefits already received, by claim key (<see cref="OneOffBenefitClaim.KeyOf"/>).</param>
    public static EntitlementCalculated Calculate(Household household, MciRate mci, TariffSchedule schedule, IReadOnlyDictionary<string, Guid> claimed)
    {
        var size = household.Members.Count;
        var head = household.Members.FirstOrDefault(m => m.IsHead) ?? household.Members[0];
        var lines = new List<EntitlementLine>();
        var withheld = new List<WithheldBenefit>();

        void OneOff(BenefitType benefit, Member member, decimal units, string label)
        {
            if (claimed.TryGetValue(OneOffBenefitClaim.KeyOf(benefit, member.Iin), out var other) && other != household.CaseId)
            {
                withheld.Add(new WithheldBenefit(benefit, member.Iin, other, $"already received in case {other}"));
                return;
            }

            if (units <= 0) return;
            lines.Add(new EntitlementLine(benefit, member.Iin, $"{Show(units)} MCI{label} × {Show(mci.Value)} KZT", units, mci.Value, size,
                Kzt(units * mci.Value), [], 0m));
        }

        foreach (var member in household.Members) OneOff(BenefitType.RelocationSubsidy, member, schedule.RelocationPerMemberMci, " per member");
        foreach (var member in household.Members)
        {
            var isHead = ReferenceEquals(member, head);
            OneOff(BenefitType.TravelReimbursement, member, isHead ? schedule.TravelHeadMci : schedule.TravelOtherMemberMci, isHead ? " (head)" : " (other member)");
        }

        var rentMci = schedule.RentMciFor(size);
        if (rentMci > 0 && schedule.RentMonths > 0)
        {
            var monthly = Kzt(rentMci * mci.Value);
            var first = new DateOnly(household.ApprovedOn.Year, household.ApprovedOn.Month, 1).AddMonths(1);
            var instalments = Enumerable.Range(1, schedule.RentMonths).Select(m => new Instalment(m, first.AddMonths(m - 1), monthly)).ToList();
            lines.Add(new EntitlementLine(BenefitType.RentCompensation, null,
                $"{Show(rentMci)} MCI × {schedule.RentMonths} months × {Show(mci.Value)} KZT (household of {size})",
                rentMci * schedule.RentMonths, mci.Value, size, monthly * schedule.RentMonths, instalments, 0m));
        }

        var (capped, cap) = ApplyCap(lines, mci, schedule);
        return new EntitlementCalculated(household.CaseId, household.HouseholdId, household.Oblast, household.DestinationOblast, household.ApprovedOn,
            mci.Value, mci.EffectiveFrom, schedule.Id, size, capped, withheld, cap, capped.Sum(l => l.AmountKzt));
    }

    /// <summary>The lower of the caps in MCI and in KZT; what exceeds it is taken from the last lines (and last instalments) first.</summary>
    public static (IReadOnlyList<EntitlementLine> Lines, CapApplied? Cap) ApplyCap(IReadOnlyList<EntitlementLine> lines, MciRate mci, TariffSchedule schedule)
    {
        decimal? byMci = schedule.HouseholdCapMci is { } units ? Kzt(units * mci.Value) : null;
        var capKzt = (byMci, schedule.HouseholdCapKzt) switch
        {
            ({ } a, { } b) => Math.Min(a, b),
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => (decimal?)null,
        };
        var total = lines.Sum(l => l.AmountKzt);
        if (capKzt is not { } limit || total <= limit) return (lines, null);

        var excess = total - limit;
        var result = lines.ToArray();
        for (var i = result.Length - 1; i >= 0 && excess > 0; i--)
        {
            var take = Math.Min(excess, result[i].AmountKzt);
            result[i] = result[i] with { AmountKzt = result[i].AmountKzt - take, CapReductionKzt = take, Instalments = Trim(result[i].Instalments, take) };
            excess -= take;
        }

        var formula = byMci is { } && byMci == limit
            ? $"{Show(schedule.HouseholdCapMci!.Value)} MCI × {Show(mci.Value)} KZT = {Show(limit)} KZT"
            : $"{Show(limit)} KZT";
        return (result, new CapApplied(limit, formula, total - limit));
    }

    /// <summary>
    /// The certificate: <see cref="TariffSchedule.HousingCertificateShare"/> of the lower of the declared price and the
    /// appraised value, at most <see cref="TariffSchedule.HousingCertificateCapKzt"/>, then within what the household cap
    /// leaves of the entitlement (the reduction recorded on the line and in the cap).
    /// </summary>
    public static HousingCertificateGranted HousingCertificate(Entitlement entitlement, TariffSchedule schedule, decimal declaredPrice, decimal appraisedValue)
    {
        var basis = Math.Min(declaredPrice, appraisedValue);
        var amount = Math.Min(Kzt(schedule.HousingCertificateShare * basis), schedule.HousingCertificateCapKzt);
        var formula = $"min({Show(schedule.HousingCertificateShare * 100)}% × min(declared {Show(declaredPrice)}, appraised {Show(appraisedValue)}) KZT, " +
            $"cap {Show(schedule.HousingCertificateCapKzt)} KZT)";
        var line = new EntitlementLine(BenefitType.HousingCertificate, null, formula, 0m, entitlement.MciValue, entitlement.HouseholdSize, amount, [], 0m);
        var mci = new MciRate(MciRate.KeyOf(entitlement.MciEffectiveFrom), entitlement.MciEffectiveFrom, entitlement.MciValue, "entitlement", default);
        var (lines, cap) = ApplyCap([.. entitlement.Lines, line], mci, schedule);
        return new HousingCertificateGranted(entitlement.Id, declaredPrice, appraisedValue, lines[^1],
            cap is null ? entitlement.Cap : cap with { ReductionKzt = (entitlement.Cap?.ReductionKzt ?? 0m) + lines[^1].CapReductionKzt },
            Implausibility(declaredPrice, appraisedValue));
    }

    /// <summary>
    /// Declared prices far from the appraisal are how certificates were inflated (houses bought for 0.5 million declared
    /// at 8 million): a declared price more than <see cref="PlausibleDeclaredRatio"/> times the appraised value, or below
    /// its inverse, is named, so that the payment goes to two approvers.
    /// </summary>
    public static string? Implausibility(decimal declaredPrice, decimal appraisedValue)
    {
        var ratio = declaredPrice / appraisedValue;
        return ratio > PlausibleDeclaredRatio || ratio < 1 / PlausibleDeclaredRatio
            ? $"the declared price {Show(declaredPrice)} KZT is {Show(decimal.Round(ratio, 2))} times the appraised value {Show(appraisedValue)} KZT"
            : null;
    }

    public const decimal PlausibleDeclaredRatio = 1.5m;

    private static Instalment[] Trim(IReadOnlyList<Instalment> instalments, decimal take)
    {
        var result = instalments.ToArray();
        for (var i = result.Length - 1; i >= 0 && take > 0; i--)
        {
            var cut = Math.Min(take, result[i].AmountKzt);
            result[i] = result[i] with { AmountKzt = result[i].AmountKzt - cut };
            take -= cut;
        }

        return result;
    }
}
