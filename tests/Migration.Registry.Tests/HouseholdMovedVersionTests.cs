using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Marten;
using Migration.Identifiers;
using Migration.Registry.Households;
using Npgsql;
using Weasel.Core;
using Published = Migration.Contracts.Registry;

namespace Migration.Registry.Tests;

/// <summary>
/// Event versioning on a real event: <c>HouseholdMoved</c> gained the oblast the household left (version 2). Moves stored
/// by the previous release (version 1, written here by a store configured as that release was) are read as version 2
/// by the projection, by the forwarder and by anyone reading the stream; new moves are stored as version 2.
/// </summary>
/// <remarks>A registry of its own: the rebuild folds this class's households, not the thousands other classes import.</remarks>
public sealed class HouseholdMovedVersionTests(RegistryFixture registry) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task A_move_stored_in_the_first_shape_is_read_in_the_second_everywhere()
    {
        using var clerk = registry.Client("registry-clerk");
        var origin = await Certify(clerk, RealSettlements.NextCode("43"));
        var destination = await Certify(clerk, RealSettlements.NextCode("35"));
        using var registered = await clerk.PostAsJsonAsync("/api/registry/households", new
        {
            settlementKato = origin, members = new[] { People.Member("head", new DateOnly(1975, 4, 12), Sex.Male) }, contact = new { phone = "+7 701 000 00 00" },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The previous release records the move in the first shape.
        await using (var previousRelease = Store(options => options.Events.MapEventType<HouseholdMovedV1>(HouseholdMovedV1.StoredName)))
        await using (var session = previousRelease.LightweightSession())
        {
            session.Events.Append(id.ToString(), new HouseholdMovedV1(id, origin, destination, "35", new DateOnly(2005, 6, 1), null));
            await session.SaveChangesAsync();
        }

        // Read by this release: a version 2 event, the oblast left taken from the code.
        await using (var current = Store(HouseholdMovedV1.Map))
        await using (var session = current.QuerySession())
        {
            var moved = Assert.IsType<HouseholdMoved>((await session.Events.FetchStreamAsync(id.ToString()))[^1].Data);
            Assert.Equal((origin, "43", destination, "35"), (moved.FromKato, moved.FromOblast, moved.ToKato, moved.ToOblast));
        }

        // The forwarder read it too, and the household's document folded from the stream shows the move.
        await Eventually.True(() => registry.Published.OfType<Published.HouseholdMoved>().Any(e => e.HouseholdId == id && e.ToKato == destination),
            "the old-shaped move forwarded");
        using var admin = registry.Client("admin");
        using (var rebuild = await admin.PostAsync("/api/registry/operations/projections/household/rebuild", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, rebuild.StatusCode);
            await Eventually.True(async () => (await admin.GetFromJsonAsync<JsonElement>(rebuild.Headers.Location)).GetProperty("status").GetString() == "succeeded",
                "the household projection rebuilt");
        }

        using var read = await clerk.GetAsync($"/api/registry/households/{id}");
        var household = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(destination, household.GetProperty("settlementKato").GetString());

        // A move made now is stored in the second shape.
        using var back = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/households/{id}/move") { Content = JsonContent.Create(new { toKato = origin, arrivedOn = "2006-05-01" }) };
        back.Headers.IfMatch.Add(read.Headers.ETag!);
        using (var moved = await clerk.SendAsync(back)) Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await using var database = new NpgsqlConnection(registry.Isolation.Database(RegistryService.Name));
        await database.OpenAsync();
        await using var types = new NpgsqlCommand("select type, data->>'FromOblast' from registry.mt_events where stream_id = @id and type like 'household_moved%' order by seq_id", database);
        types.Parameters.AddWithValue("id", id.ToString());
        var stored = new List<(string, string?)>();
        await using (var reader = await types.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        Assert.Equal([("household_moved", null), ("household_moved_v2", "35")], stored);
    }

    /// <summary>A store on the registry's database and schema, configured as a release of the registry configures it.</summary>
    private DocumentStore Store(Action<StoreOptions> events) => DocumentStore.For(options =>
    {
        options.Connection(registry.Isolation.Database(RegistryService.Name));
        options.DatabaseSchemaName = RegistryService.Name;
        options.AutoCreateSchemaObjects = AutoCreate.None;
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.AppendMode = EventAppendMode.Quick;
        options.Events.MetadataConfig.EnableAll();
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        events(options);
    });

    private static async Task<string> Certify(HttpClient clerk, string kato)
    {
        using var response = await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, potentialClass = "high" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return kato;
    }
}
