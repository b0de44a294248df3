using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Xunit;

namespace Migration.Testing;

/// <summary>The steps of a relocation case through the gateway, shared by the end-to-end and the browser tests.</summary>
public static class CaseJourney
{
    /// <summary>
    /// A household registered at a certified origin of low potential, and a certified destination of
    /// <paramref name="potential"/> potential in <paramref name="destinationOblast"/>.
    /// </summary>
    public static async Task<(Guid Household, string Destination)> HouseholdToMove(HttpClient clerk, string destinationOblast, string potential, params object[] members)
    {
        var destination = RealSettlements.NextCode(destinationOblast);
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = destination, potentialClass = potential })).StatusCode);
        return (await HouseholdAtNewOrigin(clerk, members), destination);
    }

    /// <summary>A household registered at a newly certified origin of low potential.</summary>
    public static async Task<Guid> HouseholdAtNewOrigin(HttpClient clerk, params object[] members)
    {
        var origin = RealSettlements.NextCode("59");
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = origin, potentialClass = "low" })).StatusCode);
        using var registered = await clerk.PostAsJsonAsync("/api/registry/households", new { settlementKato = origin, members });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A house registered at the destination once the housing service knows it; returns the unit's id.</summary>
    public static async Task<string> HouseAt(HttpClient officer, string destination, int capacity) =>
        await Eventually.Get(async () =>
        {
            using var response = await officer.PostAsJsonAsync("/api/housing/units", new
            {
                settlementKato = destination, type = "house", address = "ул. Абая, 12", rooms = 3, floorArea = 72.5, capacity, appraisedValue = 3_500_000, condition = "new",
            });
            return response.StatusCode == HttpStatusCode.Created ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() : null;
        }, "the destination known to the housing service");

    /// <summary>Withdraws a case at its current version.</summary>
    public static Task Withdraw(HttpClient caseworker, Guid id, string reason) => StepOnCurrent(caseworker, id, "withdrawal", new { reason });

    /// <summary>The case's housing as the case service shows it ("reserved", "waitlisted", …), or null before any report.</summary>
    public static async Task<string?> HousingStatus(HttpClient caseworker, Guid id) =>
        (await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("housing") is { ValueKind: JsonValueKind.Object } housing
            ? housing.GetProperty("status").GetString()
            : null;

    /// <summary>Opens a case for a household the case service has learnt of, and takes it to approval.</summary>
    public static async Task<Guid> Approved(HttpClient caseworker, HttpClient supervisor, Guid household, string destination)
    {
        using var opened = await Eventually.Get(async () =>
        {
            var response = await caseworker.PostAsJsonAsync("/api/cases", new { householdId = household });
            return response.StatusCode == HttpStatusCode.Created ? response : null;
        }, "the household known to the case service");
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.True(async () => (await caseworker.GetAsync($"/api/cases/settlements/{destination}")).IsSuccessStatusCode, "the destination known");
        var etag = opened.Headers.ETag!.Tag;
        etag = await Step(caseworker, id, "assessment", null, etag);
        etag = await Step(caseworker, id, "destination", new { destinationKato = destination, reason = "A house and work for the head" }, etag);
        etag = await Step(caseworker, id, "submission", null, etag);
        await Step(supervisor, id, "approval", null, etag);
        return id;
    }

    public static async Task<string> Step(HttpClient client, Guid id, string step, object? body, string etag)
    {
        using var response = await Send(client, id, step, body, etag);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!.Tag;
    }

    /// <summary>
    /// One step on the case as it is now: read it, then act with its ETag. Another service's report (the housing, the
    /// entitlement) may change the case in between; a 412 then means read it again, as a caseworker would.
    /// </summary>
    public static async Task<string> StepOnCurrent(HttpClient client, Guid id, string step, object? body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var current = await client.GetAsync($"/api/cases/{id}");
            using var response = await Send(client, id, step, body, current.Headers.ETag!.Tag);
            if (response.StatusCode == HttpStatusCode.PreconditionFailed && attempt < 10) continue;
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.Headers.ETag!.Tag;
        }
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, Guid id, string step, object? body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/{step}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }
}
