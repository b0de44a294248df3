using Migration.Testing.Hosting;
using Migration.Testing.Servers;
using Npgsql;

namespace Migration.Benchmarks;

/// <summary>The events each service's store holds (its <c>mt_events</c> table), read straight from its database.</summary>
public static class EventCounts
{
    public static Task<IReadOnlyDictionary<string, long>> Read(Isolation isolation, CancellationToken cancellationToken) =>
        PerService(isolation, service => $"select count(*) from {service.Replace('-', '_')}.mt_events", cancellationToken);

    /// <summary>One number from each service's own database: the result of <paramref name="sql"/> for that service.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> PerService(Isolation isolation, Func<string, string> sql, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (service, _) in ProgramSystem.Services)
        {
            await using var connection = new NpgsqlConnection(isolation.Database(service));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql(service), connection);
            values[service] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>What was appended between two counts, by service.</summary>
    public static IReadOnlyDictionary<string, long> Since(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        after.ToDictionary(a => a.Key, a => a.Value - before.GetValueOrDefault(a.Key), StringComparer.Ordinal);
}
