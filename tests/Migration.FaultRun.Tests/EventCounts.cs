using Migration.Testing.Servers;
using Npgsql;

namespace Migration.FaultRun.Tests;

/// <summary>
/// Counts in the services' own event stores, read directly from their databases: how many events of a type each
/// stream (or each value of one of the event's fields) has. An effect applied twice shows here as a count of two.
/// </summary>
public sealed class EventCounts(Isolation isolation)
{
    /// <summary>Events of <paramref name="eventType"/> (Marten's alias: snake case of the class name) per <paramref name="field"/> of the event, or per stream.</summary>
    public Task<Dictionary<Guid, int>> Per(string service, string eventType, string? field = null) => Per(service, [eventType], field);

    /// <summary>Events of any of <paramref name="eventTypes"/> (the stored names of every version of one event) per <paramref name="field"/>, or per stream.</summary>
    public async Task<Dictionary<Guid, int>> Per(string service, string[] eventTypes, string? field = null)
    {
        var schema = service.Replace('-', '_');
        // Streams are keyed by a uuid in most services and by text (a uuid's text) in the registry.
        var key = field is null ? "stream_id::text" : $"data ->> '{field}'";
        await using var connection = new NpgsqlConnection(isolation.Database(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select {key}, count(*) from {schema}.mt_events where type = any($1) group by 1", connection);
        command.Parameters.AddWithValue(eventTypes);
        var counts = new Dictionary<Guid, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[Guid.Parse(reader.GetString(0))] = (int)reader.GetInt64(1);
        return counts;
    }

    /// <summary>The event types a service's store holds, for a failure message that names what is there.</summary>
    public async Task<IReadOnlyList<string>> Types(string service)
    {
        await using var connection = new NpgsqlConnection(isolation.Database(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select distinct type from {service.Replace('-', '_')}.mt_events order by 1", connection);
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) types.Add(reader.GetString(0));
        return types;
    }
}
