using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Registry = Migration.Contracts.Registry;

namespace Migration.RelocationCase.Tests;

/// <summary>
/// Cases arranged through the real service, as the tests of cases share them: the world it knows (settlements,
/// households, quotas, learnt from the events it consumes), cases taken step by step with their ETags.
/// </summary>
public static class CaseArrangement
{
    private static readonly int Year = DateTime.UtcNow.Year;

    public static async Task<(string Origin, string Destination)> Settlements(this RelocationCaseFixture service, string originOblast, string destinationOblast, string originClass)
    {
        var origin = RealSettlements.NextCode(originOblast);
        var destination = RealSettlements.NextCode(destinationOblast);
        await service.Publish(Certified(origin, originOblast, originClass));
        await service.Publish(Certified(destination, destinationOblast, "high"));
        using var reader = service.Client("auditor");
        foreach (var kato in new[] { origin, destination })
            await Eventually.True(async () => (await reader.GetAsync($"/api/cases/settlements/{kato}")).IsSuccessStatusCode, $"settlement {kato} known");
        return (origin, destination);
    }

    private static Registry.SettlementCertified Certified(string kato, string oblast, string potential) =>
        new(kato, "с." + kato, null, oblast, null, "steppe", potential, null, false, [], 500, 120, DateTimeOffset.UtcNow);

    public static async Task<Guid> Household(this RelocationCaseFixture service, string kato, string oblast, params Registry.HouseholdMember[] extra)
    {
        var id = Guid.NewGuid();
        var head = new Registry.HouseholdMember(People.NextIin(new DateOnly(1970, 5, 5), Sex.Male).Value, "Абенов", "Ерлан", null, new DateOnly(1970, 5, 5),
            "male", "head", "employed", "tractor driver", "none");
        await service.Publish(new Registry.HouseholdRegistered(id, kato, oblast, [head, .. extra.Length == 0 ? [Spouse()] : extra], DateTimeOffset.UtcNow));
        return id;
    }

    private static Registry.HouseholdMember Spouse() =>
        new(People.NextIin(new DateOnly(1972, 8, 8), Sex.Female).Value, "Абенова", "Айгуль", null, new DateOnly(1972, 8, 8), "female", "spouse", "homemaker", null, "none");

    public static async Task Quota(this RelocationCaseFixture service, string oblast, int households)
    {
        using var admin = service.Client("admin", "*", "admin-1");
        using var response = await admin.PutAsJsonAsync($"/api/cases/quotas/{oblast}/{Year}", new { maxHouseholds = households, maxPeople = households * 10 });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<int> HouseholdsApproved(HttpClient client, string oblast) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/cases/quotas?year={Year}")).GetProperty("items").EnumerateArray()
            .Single(q => q.GetProperty("oblast").GetString() == oblast).GetProperty("householdsApproved").GetInt32();

    /// <summary>A case prepared by <paramref name="caseworkerId"/> up to submission, towards a destination in <paramref name="destinationOblast"/>.</summary>
    public static async Task<Guid> Submitted(this RelocationCaseFixture service, string originOblast, string destinationOblast, string caseworkerId)
    {
        var (origin, destination) = await service.Settlements(originOblast, destinationOblast, originClass: "low");
        using var caseworker = service.Client("caseworker", originOblast, caseworkerId);
        var (opened, etag) = await Open(caseworker, await service.Household(origin, originOblast));
        var id = opened.GetProperty("id").GetGuid();
        var (_, etag2) = await Step(caseworker, id, "assessment", null, etag);
        var (_, etag3) = await Step(caseworker, id, "destination", new { destinationKato = destination, reason = "Housing and work available" }, etag2);
        await Step(caseworker, id, "submission", null, etag3);
        return id;
    }

    public static async Task<(JsonElement Case, string ETag)> Open(HttpClient caseworker, Guid household)
    {
        var response = await Eventually.Get(async () =>
        {
            var attempt = await caseworker.PostAsJsonAsync("/api/cases", new { householdId = household });
            if (attempt.StatusCode == HttpStatusCode.BadRequest) { attempt.Dispose(); return null; } // the household has not reached the view yet
            return attempt;
        }, "the household known to the case service");
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.Tag);
        }
    }

    public static async Task<(JsonElement Case, string ETag)> Step(HttpClient client, Guid id, string step, object? body, string etag)
    {
        using var response = await Send(client, HttpMethod.Post, $"/api/cases/{id}/{step}", body, etag);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.Tag);
    }

    public static async Task<string> ETag(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/cases/{id}");
        return response.Headers.ETag!.Tag;
    }

    public static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body, string etag)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }

    /// <summary>A case approved by a supervisor: its id, household and the ETag the approval answered with.</summary>
    public static async Task<(Guid Id, Guid Household, string ETag)> Approved(this RelocationCaseFixture service, string destinationOblast, string caseworkerId)
    {
        await service.Quota(destinationOblast, 100);
        var id = await service.Submitted("11", destinationOblast, caseworkerId);
        using var supervisor = service.Client("case-supervisor", "11", "sup-" + caseworkerId);
        var (approved, etag) = await Step(supervisor, id, "approval", null, await ETag(supervisor, id));
        return (id, approved.GetProperty("householdId").GetGuid(), etag);
    }
}
