using System.Net;
using System.Net.Http.Json;
using Migration.Contracts.HousingAllocation;
using Migration.HousingAllocation.Stock;
using Migration.ServiceDefaults.Http;

namespace Migration.HousingAllocation.Tests;

/// <summary>Housing officers keep the stock; staff read it; availability changes are published.</summary>
[Collection(HousingRun.Name)]
public sealed class StockApiTests(HousingFixture service)
{
    [Fact]
    public async Task An_officer_registers_edits_and_services_a_unit_and_availability_is_published()
    {
        var destination = await service.Destination("43");
        var unit = await service.Unit(destination.Id, capacity: 4, appraisedValue: 5_200_000m, type: "flat");
        Assert.Equal((UnitStatus.Available, UnitType.Flat, 4, "43"), (unit.Status, unit.Type, unit.Capacity, unit.Oblast));
        var availability = await service.Received<HousingAvailabilityChanged>(m => m.SettlementKato == destination.Id, "availability after registration");
        Assert.Equal([new AvailableUnits(4, 1)], availability.Available);
        await service.Received<HousingStockChanged>(m => m.UnitId == unit.Id && m.Change == "registered", "the stock change");

        using var officer = service.Client("housing-officer", "43");
        using var read = await officer.GetAsync($"/api/housing/units/{unit.Id}");
        var etag = read.Headers.ETag!.Tag;

        var edit = new { address = "ул. Абая, 7", rooms = 3, floorArea = 72.5m, capacity = 5, appraisedValue = 5_500_000m, condition = "good" };
        using (var missing = await officer.PutAsJsonAsync($"/api/housing/units/{unit.Id}", edit))
            await missing.AssertProblem(HttpStatusCode.PreconditionRequired, "concurrency.if-match-required");
        using (var edited = await Put(officer, $"/api/housing/units/{unit.Id}", edit, etag))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            var body = (await edited.Content.ReadFromJsonAsync<HousingUnit>(HousingWorld.Json))!;
            Assert.Equal((5, 5_500_000m, UnitCondition.Good), (body.Capacity, body.AppraisedValue, body.Details.Condition));
        }

        using (var stale = await Put(officer, $"/api/housing/units/{unit.Id}", edit, etag))
            await stale.AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.version-mismatch");

        using (var noReason = await officer.PostAsJsonAsync($"/api/housing/units/{unit.Id}/out-of-service", new { reason = "" }))
            await noReason.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        using (var outOfService = await officer.PostAsJsonAsync($"/api/housing/units/{unit.Id}/out-of-service", new { reason = "roof leaks after the storm" }))
            Assert.Equal(UnitStatus.OutOfService, (await outOfService.Content.ReadFromJsonAsync<HousingUnit>(HousingWorld.Json))!.Status);
        await service.Received<HousingAvailabilityChanged>(m => m.SettlementKato == destination.Id && m.Available.Count == 0, "nothing available");

        using (var statistics = await officer.GetAsync($"/api/housing/statistics?oblast=43"))
        {
            var rows = (await statistics.Content.ReadFromJsonAsync<List<StockStatistics.Settlement>>(HousingWorld.Json))!;
            var row = Assert.Single(rows, r => r.SettlementKato == destination.Id);
            Assert.Equal(new StockStatistics.Counts(0, 0, 0, 1), row.Units);
            Assert.Equal(5, Assert.Single(row.Capacities).Capacity);
        }

        using (var back = await officer.PostAsync($"/api/housing/units/{unit.Id}/back-in-service", null))
            Assert.Equal(UnitStatus.Available, (await back.Content.ReadFromJsonAsync<HousingUnit>(HousingWorld.Json))!.Status);
        await service.Received<HousingAvailabilityChanged>(m => m.SettlementKato == destination.Id && m.Available.SequenceEqual(new[] { new AvailableUnits(5, 1) }),
            "available again with the new capacity");

        using var list = await officer.GetAsync($"/api/housing/units?settlementKato={destination.Id}&status=available&minCapacity=5");
        var page = (await list.Content.ReadFromJsonAsync<Page<HousingUnit>>(HousingWorld.Json))!;
        Assert.Equal(unit.Id, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task Only_officers_write_staff_read_and_stock_stands_only_where_migrants_are_received()
    {
        var destination = await service.Destination("27");
        var low = await service.Destination("27", potentialClass: "low");
        var request = new { settlementKato = destination.Id, type = "house", address = "ул. Мира, 1", rooms = 2, floorArea = 50m, capacity = 3, appraisedValue = 3_000_000m, condition = "new" };

        using (var caseworker = service.Client("caseworker"))
        using (var refused = await caseworker.PostAsJsonAsync("/api/housing/units", request))
            await refused.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        using (var otherOblast = service.Client("housing-officer", "43"))
        using (var refused = await otherOblast.PostAsJsonAsync("/api/housing/units", request))
            await refused.AssertProblem(HttpStatusCode.Forbidden, "auth.oblast-scope");

        using var officer = service.Client("housing-officer", "27");
        using (var notReceiving = await officer.PostAsJsonAsync("/api/housing/units", request with { settlementKato = low.Id }))
            await notReceiving.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        using (var unknown = await officer.PostAsJsonAsync("/api/housing/units", request with { settlementKato = "279999999" }))
            await unknown.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        using (var invalid = await officer.PostAsJsonAsync("/api/housing/units", request with { capacity = 0, type = "castle" }))
        {
            var problem = await invalid.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
            Assert.Equal(2, problem.GetProperty("errors").GetArrayLength());
        }

        using var created = await officer.PostAsJsonAsync("/api/housing/units", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = (await created.Content.ReadFromJsonAsync<HousingUnit>(HousingWorld.Json))!;

        using (var auditor = service.Client("auditor"))
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/housing/units/{unit.Id}")).StatusCode);
        using (var stranger = service.Client("housing-officer", "43"))
            await (await stranger.GetAsync($"/api/housing/units/{unit.Id}")).AssertProblem(HttpStatusCode.NotFound, "unit.not-found");
        using (var anonymous = new HttpClient { BaseAddress = service.Service.Address })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/housing/units/{unit.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_api_is_described_in_openapi()
    {
        using var client = new HttpClient { BaseAddress = service.Service.Address };
        var document = await client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/housing/units", "/api/housing/units/{id}", "/api/housing/units/{id}/out-of-service", "/api/housing/reservations",
                     "/api/housing/reservations/{caseId}/reassignment", "/api/housing/waitlists/{settlementKato}", "/api/housing/statistics" })
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string path, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
