using Migration.Identifiers;
using Migration.ProgramRun.Scenario;

namespace Migration.Program.Tests;

/// <summary>The stage-1 scenario keeps the program's facts at every scale, gives valid identifiers, and repeats itself from its seed.</summary>
public sealed class ScenarioGeneratorTests
{
    [Fact]
    public void At_factor_one_it_is_stage_one_125_settlements_and_6674_people_642_of_them_from_three_hazardous_ones()
    {
        var scenario = ScenarioGenerator.Generate(seed: 2004, factor: 1m);
        var origins = scenario.Origins.ToList();
        Assert.Equal(StageOne.OriginSettlements, origins.Count);
        Assert.Equal(StageOne.HazardSettlements, origins.Count(o => o.Hazard is not null));
        Assert.Equal(6_674, scenario.People);
        var hazardous = origins.Where(o => o.Hazard is not null).Select(o => o.Kato).ToHashSet();
        Assert.Equal(642, scenario.Households.Where(h => hazardous.Contains(h.OriginKato)).Sum(h => h.Size));
        Assert.Equal(6_032, scenario.Households.Where(h => !hazardous.Contains(h.OriginKato)).Sum(h => h.Size));
        Assert.True(origins.Select(o => o.Oblast).Distinct().Count() >= 5, "origins in several oblasts");
        Assert.All(origins, o => Assert.Equal("low", o.PotentialClass));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(1)]
    [InlineData(10)]
    public void Households_have_realistic_sizes_with_one_head_and_people_scale_with_the_factor(double factor)
    {
        var scenario = ScenarioGenerator.Generate(seed: 7, factor: (decimal)factor);
        Assert.Equal((int)Math.Round(642 * factor, MidpointRounding.AwayFromZero) + (int)Math.Round(6_032 * factor, MidpointRounding.AwayFromZero), scenario.People);
        Assert.All(scenario.Households, h =>
        {
            Assert.InRange(h.Size, 1, 9);
            Assert.Single(h.Members, m => m.Relationship == "head");
        });
        if (factor >= 1) Assert.InRange(scenario.People / (double)scenario.Households.Count, 4.0, 4.6);
    }

    [Fact]
    public void Every_iin_bin_and_iban_is_valid_and_every_iin_codes_its_birth_date_and_sex_once()
    {
        var scenario = ScenarioGenerator.Generate(seed: 11, factor: 1m);
        var people = scenario.Households.SelectMany(h => h.Members).ToList();
        Assert.All(people, p =>
        {
            Assert.Equal(IinValidation.Valid, Iin.Validate(p.Iin));
            Assert.True(Iin.Parse(p.Iin).AgreesWith(p.BirthDate, p.Sex));
        });
        Assert.Equal(people.Count, people.Select(p => p.Iin).Distinct().Count());
        Assert.All(scenario.Employers, e => Assert.Equal(BinValidation.Valid, Bin.Validate(e.Bin)));
        Assert.All(scenario.Households, h => Assert.True(Iban.TryParse(h.Iban, out _) && Iban.TryParse(h.ReplacementIban, out _)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_scenario_and_another_seed_another()
    {
        static string Print(ProgramScenario s) => string.Join('\n', s.Households.Select(h => $"{h.OriginKato} {h.PlannedDestination} {h.Fate} {string.Join(',', h.Members.Select(m => m.Iin))}"))
            + string.Join('\n', s.Units) + string.Join('\n', s.Vacancies) + string.Join('\n', s.BudgetLines) + string.Join('\n', s.Quotas);
        Assert.Equal(Print(ScenarioGenerator.Generate(42, 0.2m)), Print(ScenarioGenerator.Generate(42, 0.2m)));
        Assert.NotEqual(Print(ScenarioGenerator.Generate(42, 0.2m)), Print(ScenarioGenerator.Generate(43, 0.2m)));
    }

    [Fact]
    public void Destinations_are_in_the_receiving_oblasts_with_a_home_for_every_family_planned_there_except_where_houses_are_late()
    {
        var scenario = ScenarioGenerator.Generate(seed: 5, factor: 0.5m);
        Assert.All(scenario.Destinations, d =>
        {
            Assert.Contains(d.Oblast, StageOne.ReceivingOblasts);
            Assert.True(d.PotentialClass is "high" or "medium");
        });
        foreach (var destination in scenario.Destinations.Where(d => d.Kato != StageOne.WaitlistDestination))
        {
            var capacities = scenario.Units.Where(u => u.SettlementKato == destination.Kato).Select(u => u.Capacity).ToList();
            foreach (var size in scenario.Households.Where(h => h.PlannedDestination == destination.Kato).Select(h => h.Size))
                Assert.True(capacities.Remove(size), $"a dwelling for a family of {size} at {destination.Kato}");
        }

        var waiting = scenario.Households.Count(h => h.PlannedDestination == StageOne.WaitlistDestination);
        Assert.True(waiting >= 2);
        Assert.InRange(scenario.Units.Count(u => u.Late), 1, waiting - 1);
        Assert.All(scenario.Units.Where(u => u.Late), u => Assert.Equal(StageOne.WaitlistDestination, u.SettlementKato));
    }

    [Fact]
    public void Some_withdraw_some_have_closed_accounts_some_buy_homes_and_quotas_and_budgets_cover_the_plan()
    {
        var scenario = ScenarioGenerator.Generate(seed: 3, factor: 1m);
        Assert.Contains(scenario.Households, h => h.Fate == HouseholdFate.WithdrawsBeforeApproval);
        Assert.Contains(scenario.Households, h => h.Fate == HouseholdFate.WithdrawsAfterApproval);
        Assert.InRange(scenario.Households.Count(h => h.Fate != HouseholdFate.Relocates) / (double)scenario.Households.Count, 0.01, 0.08);
        Assert.Contains(scenario.Households, h => h.AccountClosed);
        Assert.Contains(scenario.Households, h => h.HomePurchase is not null);
        Assert.Equal(StageOne.RepublicanBudgetKzt, scenario.BudgetLines.Where(l => l.Source == "republican").Sum(l => l.AllocatedKzt));
        Assert.Equal(StageOne.Years.Length * StageOne.ReceivingOblasts.Length * 2, scenario.BudgetLines.Count);
        foreach (var quota in scenario.Quotas)
        {
            var planned = scenario.Households.Where(h => h.ProgramYear == quota.Year && h.PlannedDestination[..2] == quota.Oblast).ToList();
            Assert.True(quota.MaxHouseholds >= planned.Count && quota.MaxPeople >= planned.Sum(h => h.Size));
        }
        Assert.All(scenario.Households, h => Assert.Contains(h.ProgramYear, StageOne.Years));
    }
}
