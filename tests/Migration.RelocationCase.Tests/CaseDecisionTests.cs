using Migration.RelocationCase.Cases;
using Migration.RelocationCase.Settlements;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Tests;

/// <summary>The case's decisions without any server: stages, eligibility reasons, four eyes, deadlines.</summary>
public class CaseDecisionTests
{
    private static readonly ServiceLevelTargets Targets = new();
    private static readonly DateOnly Monday = new(2005, 3, 7);
    private static readonly CaseMember Head = new("750412300017", new DateOnly(1975, 4, 12), "male", "head", "employed", "tractor driver");
    private static readonly HouseholdSnapshot Household = new(Guid.NewGuid(), "431033100", "43", [Head]);
    private static readonly KnownSettlement LowOrigin = new("431033100", "с.Баймурат", "43", null, "desert", "low", false, 400, DateTimeOffset.UnixEpoch);
    private static readonly KnownSettlement Destination = new("271033400", "с.Кордон", "27", null, "steppe", "high", false, 900, DateTimeOffset.UnixEpoch);

    private static CaseFile Opened(string caseworker = "cw-1")
    {
        var opened = CaseDecisions.Open(Guid.NewGuid(), Household, caseworker, Monday, Targets);
        return new CaseFile(opened.CaseId, opened.HouseholdId, opened.OriginKato, opened.Oblast, opened.Members, CaseStatus.Opened, caseworker, caseworker, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Assessment_is_due_ten_working_days_after_opening()
    {
        var opened = CaseDecisions.Open(Guid.NewGuid(), Household, "cw-1", Monday, Targets);

        // Monday 7 March + 10 working days = Monday 21 March (two weekends skipped).
        Assert.Equal(new DateOnly(2005, 3, 21), opened.AssessmentDueOn);
        Assert.Equal(new DateOnly(2005, 3, 15), ServiceLevelTargets.AddWorkingDays(new DateOnly(2005, 3, 11), 2)); // Friday + 2 working days: Tuesday
    }

    [Fact]
    public void A_low_potential_origin_where_the_household_lives_is_eligible_with_every_reason_given()
    {
        var assessed = CaseDecisions.Assess(Opened(), LowOrigin, Household, [], Monday, Targets);

        Assert.True(assessed.Eligible);
        Assert.False(assessed.HazardPriority);
        Assert.Equal(["origin.low-potential", "household.registered-at-origin", "program.first-relocation"], assessed.Reasons.Select(r => r.Code));
        Assert.NotNull(assessed.DestinationDueOn);
    }

    [Fact]
    public void A_viable_origin_or_a_member_relocated_before_makes_the_case_ineligible()
    {
        var viable = LowOrigin with { PotentialClass = "medium" };

        var notPoor = CaseDecisions.Assess(Opened(), viable, Household, [], Monday, Targets);
        var relocatedBefore = CaseDecisions.Assess(Opened(), LowOrigin, Household, [Head.Iin], Monday, Targets);

        Assert.False(notPoor.Eligible);
        Assert.Contains(notPoor.Reasons, r => r is { Code: "origin.viable", Met: false });
        Assert.False(relocatedBefore.Eligible);
        Assert.Contains(relocatedBefore.Reasons, r => r is { Code: "program.already-relocated", Met: false });
        Assert.Null(relocatedBefore.DestinationDueOn);
    }

    [Fact]
    public void A_hazardous_origin_gives_priority()
    {
        var assessed = CaseDecisions.Assess(Opened(), LowOrigin with { PotentialClass = "medium", HasEnvironmentalHazard = true }, Household, [], Monday, Targets);

        Assert.True(assessed.Eligible);
        Assert.True(assessed.HazardPriority);
    }

    [Fact]
    public void Destinations_are_certified_of_high_or_medium_potential_without_hazard_and_not_the_origin()
    {
        var eligible = Opened() with { Status = CaseStatus.Eligible };

        Assert.Equal("case.destination-unfit", Assert.Throws<ProblemException>(() => CaseDecisions.ChooseDestination(eligible, LowOrigin, "closer to family", 1, 50m)).Code);
        Assert.Equal("case.destination-unfit", Assert.Throws<ProblemException>(() => CaseDecisions.ChooseDestination(eligible, Destination with { PotentialClass = "low" }, "why not", null, null)).Code);
        Assert.Equal("case.destination-unfit", Assert.Throws<ProblemException>(() => CaseDecisions.ChooseDestination(eligible, Destination with { HasEnvironmentalHazard = true }, "why not", null, null)).Code);
        var chosen = CaseDecisions.ChooseDestination(eligible, Destination, "jobs for both adults", 2, 71m);
        Assert.Equal(("271033400", "27", 2), (chosen.DestinationKato, chosen.DestinationOblast, chosen.RecommendedRank));
    }

    [Fact]
    public void Whoever_prepared_the_case_cannot_decide_it()
    {
        var submitted = Opened("cw-1") with { Status = CaseStatus.Submitted, AssessedBy = "cw-2", SubmittedBy = "cw-3", DestinationKato = "271033400", DestinationOblast = "27" };
        IReadOnlyList<EligibilityReason> eligible = [new("origin.low-potential", true, "")];

        foreach (var preparer in new[] { "cw-1", "cw-2", "cw-3" })
            Assert.Equal("case.four-eyes", Assert.Throws<ProblemException>(() => CaseDecisions.Approve(submitted, preparer, eligible, Monday, Targets)).Code);
        Assert.Equal("case.four-eyes", Assert.Throws<ProblemException>(() => CaseDecisions.Reject(submitted, "cw-2", "incomplete file", Monday, Targets)).Code);
        var approved = CaseDecisions.Approve(submitted, "sup-1", eligible, Monday, Targets);
        Assert.Equal((2005, new DateOnly(2005, 5, 6)), (approved.QuotaYear, approved.MoveDueOn));
    }

    [Fact]
    public void Approval_checks_eligibility_again()
    {
        var submitted = Opened() with { Status = CaseStatus.Submitted, DestinationKato = "271033400", DestinationOblast = "27" };

        var refused = Assert.Throws<ProblemException>(() => CaseDecisions.Approve(submitted, "sup-1", [new("household.not-at-origin", false, "moved away")], Monday, Targets));

        Assert.Equal("case.not-eligible", refused.Code);
    }

    [Fact]
    public void Steps_out_of_order_are_refused_and_nothing_changes_after_the_move()
    {
        var opened = Opened();
        var moved = opened with { Status = CaseStatus.Moved };

        Assert.Equal("case.wrong-stage", Assert.Throws<ProblemException>(() => CaseDecisions.Submit(opened, Monday, Targets)).Code);
        Assert.Equal("case.wrong-stage", Assert.Throws<ProblemException>(() => CaseDecisions.Withdraw(moved, "changed their mind")).Code);
        Assert.Equal("case.wrong-stage", Assert.Throws<ProblemException>(() => CaseDecisions.Close(opened)).Code);
        Assert.True(CaseDecisions.Withdraw(opened with { Status = CaseStatus.Approved }, "changed their mind").WasApproved);
    }

    [Fact]
    public void The_arrival_lies_between_approval_and_today()
    {
        var approved = Opened() with { Status = CaseStatus.Approved, DestinationKato = "271033400" };

        Assert.Equal("case.arrival-date", Assert.Throws<ProblemException>(() => CaseDecisions.ConfirmMove(approved, Monday.AddDays(1), Monday, Monday)).Code);
        Assert.Equal("case.arrival-date", Assert.Throws<ProblemException>(() => CaseDecisions.ConfirmMove(approved, Monday.AddDays(-1), Monday, Monday)).Code);
        Assert.Equal(Monday, CaseDecisions.ConfirmMove(approved, Monday, Monday, Monday.AddDays(-3)).ArrivedOn);
    }
}
