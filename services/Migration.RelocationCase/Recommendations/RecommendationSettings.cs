using Migration.RelocationCase.Households;

namespace Migration.RelocationCase.Recommendations;

/// <summary>The <c>Recommendations</c> configuration section: the ranking's weights and who counts as of working age.</summary>
public sealed class RecommendationSettings
{
    public const string Section = "Recommendations";

    public RankingWeights Weights { get; set; } = new();

    public WorkingAge WorkingAge { get; set; } = new();

    /// <summary>Binds and checks the section; a configuration that makes no sense stops the service at start-up.</summary>
    public static RecommendationSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<RecommendationSettings>() ?? new RecommendationSettings();
        var problems = settings.Weights.Problems().Concat(settings.WorkingAge.Problems()).ToList();
        return problems.Count == 0 ? settings : throw new InvalidOperationException(string.Join(" ", problems));
    }
}
