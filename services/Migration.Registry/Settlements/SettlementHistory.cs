using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Settlements;

/// <summary>Every certification, override and reclassification of a settlement, from its event stream.</summary>
public static class SettlementHistory
{
    public sealed record Entry(long Version, string Change, DateTimeOffset At, string? By, object Details);

    public static async Task<Ok<IReadOnlyList<Entry>>> Handle(string kato, IQuerySession session, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(kato, token: cancellationToken);
        if (events.Count == 0) throw ProblemException.NotFound(GettingSettlement.NotCertified, $"No settlement with KATO code {kato} is certified.");
        return TypedResults.Ok<IReadOnlyList<Entry>>(events.Select(e => e.Data switch
        {
            SettlementCertified c => new Entry(e.Version, "certified", e.Timestamp, e.UserName, c.Certification),
            SettlementRecertified r => new Entry(e.Version, "recertified", e.Timestamp, e.UserName, r.Certification),
            SettlementPotentialOverridden o => new Entry(e.Version, "potential-overridden", e.Timestamp, e.UserName, o),
            SettlementPotentialReclassified r => new Entry(e.Version, "reclassified", e.Timestamp, e.UserName, r),
            var other => new Entry(e.Version, e.EventTypeName, e.Timestamp, e.UserName, other),
        }).ToList());
    }
}
