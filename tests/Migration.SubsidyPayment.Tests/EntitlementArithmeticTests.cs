using Migration.SubsidyPayment.Entitlements;
using Migration.SubsidyPayment.Tariffs;
using static Migration.SubsidyPayment.Entitlements.EntitlementDecisions;

namespace Migration.SubsidyPayment.Tests;

/// <summary>The entitlement arithmetic on households checked by hand, without any server.</summary>
public sealed class EntitlementArithmeticTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TariffSchedule Schedule = TariffSchedule.Default("test", At);
    private static readonly Dictionary<string, Guid> NoneClaimed = [];

    private static readonly IReadOnlyList<MciRate> Rates =
        [.. MciRate.Reference.Select(r => new MciRate(MciRate.KeyOf(r.From), r.From, r.Value, "test", At))];

    private static Household FamilyOf(int size, DateOnly approvedOn) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "61", "43", approvedOn,
            [.. Enumerable.Range(0, size).Select(i => new Member($"iin-{i}", IsHead: i == 0))]);

    private static EntitlementCalculated Calculate(Household household, TariffSchedule? schedule = null, IReadOnlyDictionary<string, Guid>? claimed = null) =>
        EntitlementDecisions.Calculate(household, MciRate.InForce(Rates, household.ApprovedOn)!, schedule ?? Schedule, claimed ?? NoneClaimed);

    private static decimal Sum(EntitlementCalculated e, BenefitType benefit) => e.Lines.Where(l => l.Benefit == benefit).Sum(l => l.AmountKzt);

    [Fact]
    public void A_family_of_four_approved_in_2006()
    {
        var e = Calculate(FamilyOf(4, new DateOnly(2006, 3, 1)));

        Assert.Equal(1_030m, e.MciValue);
        Assert.Equal(288_400m, Sum(e, BenefitType.RelocationSubsidy));     // 70 × 4 × 1,030
        Assert.Equal(159_650m, Sum(e, BenefitType.TravelReimbursement));   // (50 + 3 × 35) × 1,030
        var rent = e.Lines.Single(l => l.Benefit == BenefitType.RentCompensation);
        Assert.Equal(247_200m, rent.AmountKzt);                            // 20 × 12 × 1,030
        Assert.Equal(12, rent.Instalments.Count);
        Assert.All(rent.Instalments, i => Assert.Equal(20_600m, i.AmountKzt));
        Assert.Equal(new DateOnly(2006, 4, 1), rent.Instalments[0].DueOn);
        Assert.Equal(new DateOnly(2007, 3, 1), rent.Instalments[^1].DueOn);
        Assert.Equal("20 MCI × 12 months × 1,030 KZT (household of 4)", rent.Formula);
        Assert.Equal("50 MCI (head) × 1,030 KZT", e.Lines.First(l => l.Benefit == BenefitType.TravelReimbursement).Formula);
        Assert.All(e.Lines, l => Assert.Equal(4, l.HouseholdSize));
        Assert.Equal(695_250m, e.TotalKzt);
        Assert.Null(e.Cap);
    }

    [Fact]
    public void The_same_family_across_the_mci_change_of_1_april_2020()
    {
        var before = Calculate(FamilyOf(4, new DateOnly(2020, 3, 31)));
        var after = Calculate(FamilyOf(4, new DateOnly(2020, 4, 1)));

        Assert.Equal((2_651m, new DateOnly(2020, 1, 1)), (before.MciValue, before.MciEffectiveFrom));
        Assert.Equal((2_778m, new DateOnly(2020, 4, 1)), (after.MciValue, after.MciEffectiveFrom));
        Assert.Equal(742_280m, Sum(before, BenefitType.RelocationSubsidy));  // 280 MCI × 2,651
        Assert.Equal(777_840m, Sum(after, BenefitType.RelocationSubsidy));   // 280 MCI × 2,778
        Assert.Equal(410_905m, Sum(before, BenefitType.TravelReimbursement)); // 155 MCI × 2,651
        Assert.Equal(430_590m, Sum(after, BenefitType.TravelReimbursement));  // 155 MCI × 2,778
        Assert.Equal(636_240m, Sum(before, BenefitType.RentCompensation));   // 240 MCI × 2,651
        Assert.Equal(666_720m, Sum(after, BenefitType.RentCompensation));    // 240 MCI × 2,778
        Assert.Equal(1_789_425m, before.TotalKzt);                           // 675 MCI × 2,651
        Assert.Equal(1_875_150m, after.TotalKzt);                            // 675 MCI × 2,778
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 15)]
    [InlineData(3, 20)]
    [InlineData(6, 25)]
    [InlineData(9, 30)]
    public void Rent_compensation_follows_the_household_size(int size, int mci)
    {
        var e = Calculate(FamilyOf(size, new DateOnly(2025, 6, 15)));

        var rent = e.Lines.Single(l => l.Benefit == BenefitType.RentCompensation);
        Assert.All(rent.Instalments, i => Assert.Equal(mci * 3_932m, i.AmountKzt));
        Assert.Equal(mci * 12 * 3_932m, rent.AmountKzt);
    }

    [Fact]
    public void The_household_cap_takes_from_the_last_lines_and_instalments()
    {
        // 2,000 MCI would not bind a family of 4 (675 MCI); 600 MCI × 1,030 = 618,000 KZT does: 77,250 over.
        var capped = Schedule with { HouseholdCapMci = 600m };

        var e = Calculate(FamilyOf(4, new DateOnly(2006, 3, 1)), capped);

        Assert.Equal(618_000m, e.TotalKzt);
        Assert.Equal(new CapApplied(618_000m, "600 MCI × 1,030 KZT = 618,000 KZT", 77_250m), e.Cap);
        var rent = e.Lines.Single(l => l.Benefit == BenefitType.RentCompensation);
        Assert.Equal((169_950m, 77_250m), (rent.AmountKzt, rent.CapReductionKzt));
        Assert.Equal(rent.AmountKzt, rent.Instalments.Sum(i => i.AmountKzt));
        Assert.Equal(20_600m, rent.Instalments[7].AmountKzt);
        Assert.Equal(5_150m, rent.Instalments[8].AmountKzt);    // 77,250 = 3 × 20,600 + 15,450 taken from month 9
        Assert.Equal(0m, rent.Instalments[9].AmountKzt);
        Assert.Equal(288_400m, Sum(e, BenefitType.RelocationSubsidy));
    }

    [Fact]
    public void The_lower_of_the_caps_in_mci_and_kzt_applies()
    {
        var e = Calculate(FamilyOf(4, new DateOnly(2006, 3, 1)), Schedule with { HouseholdCapKzt = 500_000m });

        Assert.Equal((500_000m, "500,000 KZT"), (e.Cap!.CapKzt, e.Cap.Formula));
        Assert.Equal(500_000m, e.TotalKzt);
    }

    [Fact]
    public void A_person_who_already_received_a_one_off_benefit_is_withheld_with_the_other_case()
    {
        var household = FamilyOf(3, new DateOnly(2006, 3, 1));
        var other = Guid.NewGuid();
        var claimed = new Dictionary<string, Guid> { [OneOffBenefitClaim.KeyOf(BenefitType.RelocationSubsidy, "iin-1")] = other };

        var e = Calculate(household, claimed: claimed);

        Assert.Equal(2, e.Lines.Count(l => l.Benefit == BenefitType.RelocationSubsidy));
        Assert.DoesNotContain(e.Lines, l => l.Benefit == BenefitType.RelocationSubsidy && l.Iin == "iin-1");
        Assert.Contains(e.Lines, l => l.Benefit == BenefitType.TravelReimbursement && l.Iin == "iin-1");
        var withheld = Assert.Single(e.Withheld);
        Assert.Equal((BenefitType.RelocationSubsidy, "iin-1", other, $"already received in case {other}"),
            (withheld.Benefit, withheld.Iin, withheld.OtherCaseId, withheld.Reason));
        Assert.Equal(20m * 12 * 1_030m, Sum(e, BenefitType.RentCompensation));   // the household's size still counts everyone
    }

    [Fact]
    public void Tariffs_in_force_are_the_latest_on_or_before_the_day()
    {
        Assert.Equal(3_063m, MciRate.InForce(Rates, new DateOnly(2022, 3, 31))!.Value);
        Assert.Equal(3_180m, MciRate.InForce(Rates, new DateOnly(2022, 4, 1))!.Value);
        Assert.Null(MciRate.InForce(Rates, new DateOnly(2003, 12, 31)));
        Assert.Equal(new DateOnly(2020, 3, 31), ProgramCalendar.DateOf(new DateTimeOffset(2020, 3, 31, 23, 30, 0, TimeSpan.FromHours(6))));
    }

    private static Entitlement Computed(EntitlementCalculated e) =>
        new(e.CaseId, e.HouseholdId, e.Oblast, e.DestinationOblast, e.ApprovedOn, e.MciValue, e.MciEffectiveFrom, e.ScheduleId, e.HouseholdSize,
            e.Lines, e.Withheld, e.Cap, e.TotalKzt, At);

    [Theory]
    [InlineData(8_000_000, 500_000, 250_000)]      // the inflated declared price is not what counts
    [InlineData(6_000_000, 7_000_000, 3_000_000)]
    [InlineData(10_000_000, 9_000_000, 4_200_000)] // 4.5 million, capped at 4.2
    public void The_housing_certificate_is_half_the_lower_of_price_and_value_up_to_its_cap(decimal declared, decimal appraised, decimal expected)
    {
        var entitlement = Computed(Calculate(FamilyOf(4, new DateOnly(2025, 6, 15))));

        var granted = HousingCertificate(entitlement, Schedule, declared, appraised);

        Assert.Equal((expected, 0m), (granted.Line.AmountKzt, granted.Line.CapReductionKzt));
        Assert.Null(granted.Cap);
    }

    [Fact]
    public void The_housing_certificate_gets_what_the_household_cap_leaves()
    {
        // 2025: family of 4 entitled to 675 MCI × 3,932 = 2,654,100; a cap of 1,000 MCI = 3,932,000 leaves 1,277,900.
        var capped = Schedule with { HouseholdCapMci = 1_000m };
        var entitlement = Computed(Calculate(FamilyOf(4, new DateOnly(2025, 6, 15)), capped));

        var granted = HousingCertificate(entitlement, capped, 4_000_000m, 4_000_000m);

        Assert.Equal((1_277_900m, 722_100m), (granted.Line.AmountKzt, granted.Line.CapReductionKzt));
        Assert.Equal(new CapApplied(3_932_000m, "1,000 MCI × 3,932 KZT = 3,932,000 KZT", 722_100m), granted.Cap);
        Assert.Equal("min(50% × min(declared 4,000,000, appraised 4,000,000) KZT, cap 4,200,000 KZT)", granted.Line.Formula);
    }
}
