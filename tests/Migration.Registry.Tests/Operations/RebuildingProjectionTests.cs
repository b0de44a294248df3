using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Migration.ServiceDefaults.Operations;
using Npgsql;

namespace Migration.Registry.Tests.Operations;

/// <summary>
/// A projection rebuilt from its events through the API while the registry runs on two instances and keeps certifying:
/// damaged, deleted and orphaned documents come back exactly as the events make them, and nothing else changes.
/// </summary>
public sealed class RebuildingProjectionTests(OperationsFixture registry) : IClassFixture<OperationsFixture>
{
    private const string Documents = "registry.mt_doc_settlement";

    [Fact]
    public async Task A_damaged_projection_is_rebuilt_while_two_instances_run_and_take_certifications()
    {
        await using var second = await registry.StartAnotherInstance();
        using var clerk = registry.Client("registry-clerk");
        using var clerkOnSecond = registry.Client("registry-clerk", instance: second);
        using var admin = registry.Client("admin");
        using var adminOnSecond = registry.Client("admin", instance: second);
        var katos = new List<string>();
        for (var i = 0; i < 30; i++) katos.Add(await OperationsFixture.Certify(i % 2 == 0 ? clerk : clerkOnSecond, i % 3 == 0 ? "high" : "low"));

        await using var database = await registry.Database();
        var before = await Read(database, katos);
        Assert.Equal(30, before.Count);
        // Damage: ten documents deleted, ten changed, one orphan without a stream.
        await Execute(database, $"delete from {Documents} where id = any(@ids)", katos[..10].ToArray());
        await Execute(database, $"update {Documents} set data = jsonb_set(data, '{{PotentialClass}}', '\"Medium\"') where id = any(@ids)", katos[10..20].ToArray());
        const string orphan = "999999999";
        await Orphan(database, katos[25], orphan);

        // Another instance holds the rebuild's lock, as if it were running it: the operation waits, and a second request is refused.
        await using var holder = await registry.Database();
        await Execute(holder, "select pg_advisory_lock(@ids)", OperationsWorker.LockIdOf(OperationKind.Rebuild, "Settlement"));
        using var accepted = await admin.PostAsync("/api/registry/operations/projections/settlement/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!;
        var operationId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var again = await adminOnSecond.PostAsync("/api/registry/operations/projections/Settlement/rebuild", null))
            Assert.Equal(operationId, (await again.AssertProblem(HttpStatusCode.Conflict, OperationCodes.InProgress)).GetProperty("operationId").GetGuid());
        Assert.Equal("pending", (await adminOnSecond.GetFromJsonAsync<JsonElement>(location)).GetProperty("status").GetString());
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/registry/operations/projections")).EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "Settlement");
        Assert.Equal(("projection", "inline", operationId), (listed.GetProperty("kind").GetString(), listed.GetProperty("lifecycle").GetString(), listed.GetProperty("activeOperation").GetGuid()));

        // Released while certifications keep arriving on both instances.
        var during = Task.Run(async () =>
        {
            var added = new List<string>();
            for (var i = 0; i < 20; i++) added.Add(await OperationsFixture.Certify(i % 2 == 0 ? clerkOnSecond : clerk));
            return added;
        });
        await Execute(holder, "select pg_advisory_unlock(@ids)", OperationsWorker.LockIdOf(OperationKind.Rebuild, "Settlement"));
        var operation = await OperationsFixture.Finished(adminOnSecond, location);
        var added = await during;

        Assert.Equal("succeeded", operation.GetProperty("status").GetString());
        var after = await Read(database, katos);
        Assert.All(katos, kato => Assert.True(JsonNode.DeepEquals(before[kato], after[kato]), $"{kato}: {before[kato]} became {after[kato]}"));
        Assert.Empty(await Read(database, [orphan]));
        var certifiedDuring = await Read(database, added);
        Assert.Equal(20, certifiedDuring.Count);
        Assert.All(certifiedDuring.Values, document => Assert.Equal("Low", document!["PotentialClass"]!.GetValue<string>()));
        var result = operation.GetProperty("result").GetString()!;
        // Twenty damaged documents written again (more only if an append raced a pass), the orphan deleted.
        var counts = System.Text.RegularExpressions.Regex.Match(result, @"(\d+) documents written, (\d+) deleted");
        Assert.True(counts.Success && int.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 20 && counts.Groups[2].Value == "1", result);
        Assert.True(operation.GetProperty("processed").GetInt64() >= 31, result);

        // A rebuild of a sound projection changes nothing.
        using var sound = await admin.PostAsync("/api/registry/operations/projections/settlement/rebuild", null);
        var nothing = await OperationsFixture.Finished(admin, sound.Headers.Location!);
        Assert.Contains("0 documents written, 0 deleted", nothing.GetProperty("result").GetString(), StringComparison.Ordinal);

        var audit = await OperationsFixture.Audit(admin);
        var mine = audit.Where(e => e.TryGetProperty("operationId", out var id) && id.ValueKind == JsonValueKind.String && id.GetGuid() == operationId).ToList();
        Assert.Equal(
            [("projection.rebuild-finished", "succeeded"), ("projection.rebuild-requested", "refused"), ("projection.rebuild-requested", "accepted")],
            mine.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("outcome").GetString())).ToList());
        Assert.All(mine, e => Assert.Equal("admin", e.GetProperty("caller").GetString()));
    }

    private static async Task<Dictionary<string, JsonNode?>> Read(NpgsqlConnection database, IReadOnlyList<string> ids)
    {
        await using var command = new NpgsqlCommand($"select id, data::text from {Documents} where id = any(@ids)", database);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var documents = new Dictionary<string, JsonNode?>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) documents[reader.GetString(0)] = JsonNode.Parse(reader.GetString(1));
        return documents;
    }

    private static async Task Execute(NpgsqlConnection database, string sql, object parameter)
    {
        await using var command = new NpgsqlCommand(sql, database);
        command.Parameters.AddWithValue("ids", parameter);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A copy of <paramref name="of"/>'s document under an id no stream has.</summary>
    private static async Task Orphan(NpgsqlConnection database, string of, string id)
    {
        var columns = new List<string>();
        await using (var read = new NpgsqlCommand(
            "select column_name from information_schema.columns where table_schema = 'registry' and table_name = 'mt_doc_settlement' and column_name <> 'id'", database))
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        var list = string.Join(", ", columns);
        await using var insert = new NpgsqlCommand($"insert into {Documents} (id, {list}) select @id, {list} from {Documents} where id = @of", database);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("of", of);
        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
    }
}
