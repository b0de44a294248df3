namespace Migration.RelocationCase.Recommendations;

/// <summary>One factor of a destination's score: what it is, the points it gave and why, in words a caseworker can read.</summary>
/// <param name="Factor">potential, vacancies, open-places, housing, climate or quota.</param>
public sealed record ScoreReason(string Factor, decimal Points, string Explanation);

/// <summary>A recommended destination, its place in the ranking (1 = best) and its score explained factor by factor.</summary>
public sealed record Recommendation(int Rank, string Kato, string Name, string Oblast, decimal Score, IReadOnlyList<ScoreReason> Reasons);

/// <summary>A settlement that cannot be a destination for the household, and why.</summary>
public sealed record Exclusion(string Kato, string Name, string Oblast, string Code, string Explanation);

/// <summary>The eligible destinations, best first, and the excluded ones with their reasons.</summary>
public sealed record Ranking(IReadOnlyList<Recommendation> Recommended, IReadOnlyList<Exclusion> Excluded);

/// <summary>The names of the score's factors.</summary>
public static class Factors
{
    public const string Potential = "potential";
    public const string Vacancies = "vacancies";
    public const string OpenPlaces = "open-places";
    public const string Housing = "housing";
    public const string Climate = "climate";
    public const string Quota = "quota";
}

/// <summary>Why a settlement is excluded as a destination.</summary>
public static class ExclusionCodes
{
    public const string LowPotential = "destination.low-potential";
    public const string EnvironmentalHazard = "destination.environmental-hazard";
    public const string Origin = "destination.origin";
    public const string NoFittingHousing = "destination.no-fitting-housing";
    public const string QuotaNotSet = Quotas.QuotaLedger.NotSet;
    public const string QuotaExhausted = Quotas.QuotaLedger.Exhausted;
}
