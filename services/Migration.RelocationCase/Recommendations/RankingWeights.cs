namespace Migration.RelocationCase.Recommendations;

/// <summary>
/// The points each factor of a destination's score is worth: bound from <c>Recommendations:Weights</c>. The defaults are
/// ours (a policy choice, not law); the best possible score with them is 30 + 30 + 5 + 20 + 15 + 10 = 110.
/// </summary>
public sealed class RankingWeights
{
    public decimal PotentialHigh { get; set; } = 30;

    public decimal PotentialMedium { get; set; } = 15;

    /// <summary>Earned in full when every working-age member's occupation has an open place there; in proportion otherwise.</summary>
    public decimal MatchingVacancies { get; set; } = 30;

    /// <summary>Earned when the settlement has any open place at all.</summary>
    public decimal AnyOpenPlaces { get; set; } = 5;

    /// <summary>Earned when an available unit houses the whole household.</summary>
    public decimal Housing { get; set; } = 20;

    public decimal ClimateSame { get; set; } = 15;

    public decimal ClimateSimilar { get; set; } = 7;

    /// <summary>Earned in full when the oblast's remaining quota is comfortable; in proportion otherwise.</summary>
    public decimal Quota { get; set; } = 10;

    /// <summary>"Comfortable": at least this many households, and this many times the household's size in people, remain.</summary>
    public int QuotaComfortMultiple { get; set; } = 10;

    public IEnumerable<string> Problems()
    {
        decimal[] points = [PotentialHigh, PotentialMedium, MatchingVacancies, AnyOpenPlaces, Housing, ClimateSame, ClimateSimilar, Quota];
        if (points.Any(p => p < 0)) yield return "Recommendations:Weights must not be negative.";
        if (QuotaComfortMultiple < 1) yield return "Recommendations:Weights:QuotaComfortMultiple must be at least 1.";
    }
}
