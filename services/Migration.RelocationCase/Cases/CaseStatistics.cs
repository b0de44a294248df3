using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;

namespace Migration.RelocationCase.Cases;

/// <summary>For the program's monitoring: cases by status, and approved or moved households and people by destination oblast.</summary>
public static class CaseStatistics
{
    public sealed record StatusCount(CaseStatus Status, int Cases, int People);

    public sealed record DestinationCount(string Oblast, string? OblastName, int Approved, int Moved, int People);

    public sealed record Statistics(IReadOnlyList<StatusCount> ByStatus, IReadOnlyList<DestinationCount> ByDestinationOblast, int Overdue);

    public static async Task<Ok<Statistics>> Handle(ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = user.FindFirst(ClaimNames.Oblast)?.Value;
        var query = session.Query<CaseFile>().AsQueryable();
        if (scope is not null && scope != Oblasts.All) query = query.Where(c => c.Oblast == scope);
        var today = clock.Today();
        var cases = await query.ToListAsync(cancellationToken);
        return TypedResults.Ok(new Statistics(
            cases.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => new StatusCount(g.Key, g.Count(), g.Sum(c => c.Size))).ToList(),
            cases.Where(c => c.DestinationOblast is not null && (c.Status == CaseStatus.Approved || c.ArrivedOn is not null))
                .GroupBy(c => c.DestinationOblast!)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new DestinationCount(g.Key, Oblasts.NameOf(g.Key), g.Count(c => c.Status == CaseStatus.Approved), g.Count(c => c.ArrivedOn is not null), g.Sum(c => c.Size)))
                .ToList(),
            cases.Count(c => c.Task is { } t && t.DueOn < today)));
    }
}
