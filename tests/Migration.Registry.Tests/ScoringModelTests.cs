using Migration.Registry.Settlements;
using Migration.Registry.Settlements.Scoring;

namespace Migration.Registry.Tests;

/// <summary>The scoring model on hand-checked settlements (no server).</summary>
public class ScoringModelTests
{
    private static readonly ScoringModel Model = ScoringModel.Default(DateTimeOffset.UnixEpoch);

    private static Indicators Indicators(
        int population = 1000, int households = 250, int workingAge = 600, int unemployed = 0, decimal income = 20_000m,
        decimal minimum = 10_000m, int infrastructure = 7, decimal arable = 2_500m)
    {
        var items = Enumerable.Range(0, 7).Select(i => i < infrastructure).ToArray();
        return new Indicators(new DateOnly(2004, 1, 1), population, households, workingAge, unemployed, income, minimum,
            new Infrastructure(items[0], items[1], items[2], items[3], items[4], items[5], items[6]), arable);
    }

    [Fact]
    public void A_settlement_full_on_every_block_scores_100_and_is_of_high_potential()
    {
        var assessed = Model.Assess(Indicators(), []);

        Assert.Equal(100m, assessed.Score);
        Assert.Equal(PotentialClass.High, assessed.Class);
        Assert.Equal(1, assessed.ModelVersion);
        Assert.Equal(PotentialSource.Model, assessed.Source);
    }

    [Fact]
    public void The_score_is_the_weighted_mean_of_the_blocks()
    {
        // employment 1 - 150/600 = 0.75; income 9,000 / (2 × 6,000) = 0.75; infrastructure 3/7;
        // population 400/1000 = 0.4; arable 500 ha / (100 households × 10 ha) = 0.5.
        // 100 × (0.25×0.75 + 0.25×0.75 + 0.25×3/7 + 0.15×0.4 + 0.10×0.5) = 59.214… → 59.2: medium.
        var assessed = Model.Assess(Indicators(population: 400, households: 100, workingAge: 600, unemployed: 150, income: 9_000m,
            minimum: 6_000m, infrastructure: 3, arable: 500m), []);

        Assert.Equal(59.2m, assessed.Score);
        Assert.Equal(PotentialClass.Medium, assessed.Class);
    }

    [Fact]
    public void Hazards_take_points_off_by_severity()
    {
        var healthy = Model.Assess(Indicators(), []);
        var hazardous = Model.Assess(Indicators(), [new Hazard(HazardType.SoilSalinization, Severity.High), new Hazard(HazardType.Flooding, Severity.Medium)]);

        Assert.Equal(healthy.Score - 45m, hazardous.Score);
        Assert.Equal(PotentialClass.Medium, hazardous.Class);
    }

    [Fact]
    public void A_settlement_with_no_work_no_income_and_nothing_built_is_of_low_potential_and_never_below_zero()
    {
        var assessed = Model.Assess(Indicators(unemployed: 600, income: 0m, infrastructure: 0, arable: 0m, population: 50, households: 20, workingAge: 600 / 20),
            [new Hazard(HazardType.Radiation, Severity.High)]);

        Assert.Equal(0m, assessed.Score);
        Assert.Equal(PotentialClass.Low, assessed.Class);
    }

    [Theory]
    [InlineData(100.0, 40.0, PotentialClass.High)]   // a score equal to the high threshold is high
    [InlineData(100.1, 40.0, PotentialClass.Medium)]
    [InlineData(100.1, 100.0, PotentialClass.Medium)] // a score equal to the medium threshold is medium
    [InlineData(100.1, 100.1, PotentialClass.Low)]
    public void Thresholds_are_inclusive(double high, double medium, PotentialClass expected)
    {
        var model = Model with { Thresholds = new PotentialThresholds((decimal)high, (decimal)medium) };

        var assessed = model.Assess(Indicators(), []);

        Assert.Equal(100m, assessed.Score);
        Assert.Equal(expected, assessed.Class);
    }

    [Fact]
    public void A_version_with_negative_weights_or_crossed_thresholds_is_refused()
    {
        var broken = Model with { Weights = new ScoringWeights(-1, 0, 0, 0, 0), Thresholds = new PotentialThresholds(30, 50) };

        var problems = broken.Problems().Select(p => p.Field).ToList();

        Assert.Contains("weights", problems);
        Assert.Contains("thresholds", problems);
        Assert.Empty(Model.Problems());
    }
}
