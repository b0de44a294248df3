using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;

namespace Migration.Registry.Settlements;

/// <summary>Certified settlements and their people (from the passports) per oblast and potential class.</summary>
public static class SettlementStatistics
{
    public sealed record ClassCount(PotentialClass PotentialClass, int Settlements, long People, int WithHazards);

    public sealed record OblastCount(string Oblast, string? OblastName, int Settlements, long People, IReadOnlyList<ClassCount> ByClass);

    public static async Task<Ok<IReadOnlyList<OblastCount>>> Handle(IQuerySession session, CancellationToken cancellationToken)
    {
        var rows = await session.Query<Settlement>()
            .Select(s => new { s.Oblast, s.PotentialClass, s.Population, s.HasEnvironmentalHazard })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OblastCount>>(rows
            .GroupBy(r => r.Oblast)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(oblast => new OblastCount(
                oblast.Key, Oblasts.NameOf(oblast.Key), oblast.Count(), oblast.Sum(r => (long)r.Population),
                oblast.GroupBy(r => r.PotentialClass).OrderBy(g => g.Key)
                    .Select(c => new ClassCount(c.Key, c.Count(), c.Sum(r => (long)r.Population), c.Count(r => r.HasEnvironmentalHazard)))
                    .ToList()))
            .ToList());
    }
}
