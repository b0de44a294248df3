using System.Diagnostics;
using Marten;
using Migration.Registry.Households;

namespace Migration.Benchmarks;

/// <summary>
/// The raw batched append rate: <see cref="HouseholdRegistered"/> streams started a batch of households per transaction,
/// nothing else (no CSV, no validation, no IIN claims), on the same store configuration. The first batch warms up and is
/// not timed. The households are generated before the clock starts.
/// </summary>
public static class RawAppend
{
    /// <summary>The first households of <paramref name="population"/> holding about <paramref name="persons"/> people.</summary>
    public static List<GeneratedHousehold> Sample(IEnumerable<GeneratedHousehold> population, int persons)
    {
        var households = new List<GeneratedHousehold>();
        var taken = 0;
        foreach (var household in population)
        {
            if (taken >= persons) break;
            households.Add(household);
            taken += household.Members.Count;
        }

        return households;
    }

    public static async Task<Rate> Measure(IDocumentStore store, IReadOnlyList<GeneratedHousehold> households, int batch, CancellationToken cancellationToken)
    {

        var batches = households.Chunk(batch).ToList();
        await Append(store, batches[0], cancellationToken);
        var clock = Stopwatch.StartNew();
        foreach (var next in batches.Skip(1)) await Append(store, next, cancellationToken);
        clock.Stop();
        var timed = batches.Skip(1).Sum(b => b.Sum(h => h.Members.Count));
        return new Rate(timed, batches.Skip(1).Sum(b => b.Length), clock.Elapsed);
    }

    private static async Task Append(IDocumentStore store, GeneratedHousehold[] households, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "benchmark";
        session.CorrelationId = "benchmark-raw";
        foreach (var h in households)
        {
            var id = Guid.CreateVersion7();
            session.Events.StartStream<Household>(id.ToString(), new HouseholdRegistered(id, h.Kato, h.Kato[..2], h.Members, h.Contact));
        }

        await session.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Persons (or rows) and households stored in a measured time.</summary>
public sealed record Rate(long Persons, long Households, TimeSpan Elapsed)
{
    public double PerSecond => Persons / Elapsed.TotalSeconds;

    public static Rate operator +(Rate a, Rate b) => new(a.Persons + b.Persons, a.Households + b.Households, a.Elapsed + b.Elapsed);
}
