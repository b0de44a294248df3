namespace Migration.Registry.Settlements.Scoring;

/// <summary>How much each block of indicators counts towards the score.</summary>
public sealed record ScoringWeights(decimal Employment, decimal Income, decimal Infrastructure, decimal Population, decimal ArableLand)
{
    public decimal Total => Employment + Income + Infrastructure + Population + ArableLand;
}

/// <summary>The indicator values at which a block scores in full.</summary>
public sealed record ScoringScales(decimal IncomeToSubsistenceRatio, int Population, decimal ArableHectaresPerHousehold);

/// <summary>Scores at or above which a settlement is of high or medium potential.</summary>
public sealed record PotentialThresholds(decimal High, decimal Medium);

/// <summary>Points taken off the score for each environmental hazard, by severity.</summary>
public sealed record HazardPenalties(decimal Low, decimal Medium, decimal High)
{
    public decimal For(Severity severity) => severity switch
    {
        Severity.Low => Low,
        Severity.Medium => Medium,
        _ => High,
    };
}

/// <summary>
/// A version of the scoring model: its weights, scales, thresholds and penalties are data, not code. Versions are
/// never changed: a new version is added, and each certification records which version scored it.
/// </summary>
public sealed record ScoringModel(
    int Id,
    DateOnly EffectiveFrom,
    ScoringWeights Weights,
    ScoringScales Scales,
    PotentialThresholds Thresholds,
    HazardPenalties HazardPenalties,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public int Version => Id;

    /// <summary>The first version, in force from the program's start.</summary>
    public static ScoringModel Default(DateTimeOffset createdAt) => new(
        1,
        new DateOnly(2004, 1, 1),
        new ScoringWeights(Employment: 0.25m, Income: 0.25m, Infrastructure: 0.25m, Population: 0.15m, ArableLand: 0.10m),
        new ScoringScales(IncomeToSubsistenceRatio: 2m, Population: 1000, ArableHectaresPerHousehold: 10m),
        new PotentialThresholds(High: 65m, Medium: 40m),
        new HazardPenalties(Low: 5m, Medium: 15m, High: 30m),
        "system",
        createdAt);

    /// <summary>The score (0–100) and class of a settlement with these indicators and hazards.</summary>
    public PotentialAssessment Assess(Indicators indicators, IReadOnlyList<Hazard> hazards)
    {
        var blocks =
            Weights.Employment * Ratio(indicators.WorkingAge - indicators.Unemployed, indicators.WorkingAge)
            + Weights.Income * Ratio(indicators.AverageMonthlyIncome, indicators.SubsistenceMinimum * Scales.IncomeToSubsistenceRatio)
            + Weights.Infrastructure * Ratio(indicators.Infrastructure.Count, Infrastructure.Items)
            + Weights.Population * Ratio(indicators.Population, Scales.Population)
            + Weights.ArableLand * Ratio(indicators.ArableLandHectares, indicators.Households * Scales.ArableHectaresPerHousehold);
        var penalty = hazards.Sum(h => HazardPenalties.For(h.Severity));
        var score = Math.Round(Math.Clamp(100m * blocks / Weights.Total - penalty, 0m, 100m), 1, MidpointRounding.AwayFromZero);
        var potential = score >= Thresholds.High ? PotentialClass.High : score >= Thresholds.Medium ? PotentialClass.Medium : PotentialClass.Low;
        return new PotentialAssessment(potential, score, Version, PotentialSource.Model);
    }

    /// <summary>Why a proposed version cannot be used, or nothing when it can.</summary>
    public IEnumerable<(string Field, string Message)> Problems()
    {
        decimal[] weights = [Weights.Employment, Weights.Income, Weights.Infrastructure, Weights.Population, Weights.ArableLand];
        if (weights.Any(w => w < 0) || Weights.Total <= 0) yield return ("weights", "Weights must not be negative and must not all be zero.");
        if (Scales.IncomeToSubsistenceRatio <= 0 || Scales.Population <= 0 || Scales.ArableHectaresPerHousehold <= 0)
            yield return ("scales", "Every scale must be positive.");
        if (Thresholds.Medium < 0 || Thresholds.High > 100 || Thresholds.Medium > Thresholds.High)
            yield return ("thresholds", "Thresholds must satisfy 0 ≤ medium ≤ high ≤ 100.");
        if (HazardPenalties.Low < 0 || HazardPenalties.Medium < 0 || HazardPenalties.High < 0)
            yield return ("hazardPenalties", "Penalties must not be negative.");
    }

    private static decimal Ratio(decimal value, decimal full) => full <= 0 ? 0 : Math.Clamp(value / full, 0m, 1m);
}
