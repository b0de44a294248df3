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
        var origin = RealSettlements.NextCode("59");
        var destination = RealSettlements.NextCode(destinationOblast);
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = origin, potentialClass = "low" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = destination, potentialClass = potential })).StatusCode);
        using var registered = await clerk.PostAsJsonAsync("/api/registry/households", new { settlementKato = origin, members });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return ((await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), destination);
    }

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
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/{step}") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!.Tag;
    }
}
