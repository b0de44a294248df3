using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;

namespace Migration.EndToEnd.Tests.Authorization;

/// <summary>
/// Staff scoped to one oblast reach only that oblast's cases, payments and housing; an auditor of every oblast reads
/// them all. Real data through the real gateway: a household of oblast 59 moving to oblast 43.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class CrossOblastTests(ProgramFixture fixture) : IAsyncLifetime
{
    private const string Origin = "59";
    private const string Destination = "43";
    private const string Elsewhere = "35";

    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;
    private OblastClients _clients = null!;

    public async Task InitializeAsync() => _clients = await OblastClients.Start(_system,
        ("caseworker", Destination), ("caseworker", Origin), ("finance-officer", Elsewhere), ("finance-officer", Destination),
        ("housing-officer", Destination), ("auditor", Destination));

    public async Task DisposeAsync() => await _clients.DisposeAsync();

    [Fact]
    public async Task A_caseworker_neither_reads_nor_changes_a_case_of_another_oblast()
    {
        var id = await ApprovedCase();
        using var stranger = await _clients.Client("caseworker", Destination);
        using var own = await _clients.Client("caseworker", Origin);
        using var auditor = await _clients.Client("auditor");

        using var ownRead = await own.GetAsync($"/api/cases/{id}");
        using var read = await stranger.GetAsync($"/api/cases/{id}");
        using var timeline = await stranger.GetAsync($"/api/cases/{id}/timeline");
        using var note = await stranger.SendAsync(WithIfMatch($"/api/cases/{id}/notes", new { text = "Not my case." }, ownRead.Headers.ETag!.Tag));

        await read.AssertProblem(HttpStatusCode.NotFound, "case.not-found");
        await timeline.AssertProblem(HttpStatusCode.NotFound, "case.not-found");
        await note.AssertProblem(HttpStatusCode.NotFound, "case.not-found");
        Assert.Equal(HttpStatusCode.OK, ownRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/cases/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_finance_officer_reads_payments_of_cases_from_or_to_the_oblast_only()
    {
        var id = await ApprovedCase();
        using var elsewhere = await _clients.Client("finance-officer", Elsewhere);
        using var destination = await _clients.Client("finance-officer", Destination);
        using var auditor = await _clients.Client("auditor");
        var payment = await Eventually.Get(async () =>
        {
            var page = await auditor.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={id}");
            return page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).FirstOrDefault();
        }, "the case's payments calculated");

        using var auditorRead = await auditor.GetAsync($"/api/payments/{payment}");
        using var paymentElsewhere = await elsewhere.GetAsync($"/api/payments/{payment}");
        using var entitlementElsewhere = await elsewhere.GetAsync($"/api/payments/entitlements/{id}");
        var listedElsewhere = await elsewhere.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={id}");
        using var verifiedElsewhere = await elsewhere.SendAsync(
            WithIfMatch($"/api/payments/{payment}/verification", new { budgetLineId = Guid.NewGuid() }, auditorRead.Headers.ETag!.Tag));

        await paymentElsewhere.AssertProblem(HttpStatusCode.NotFound, "payment.not-found");
        await entitlementElsewhere.AssertProblem(HttpStatusCode.NotFound, "entitlement.not-found");
        Assert.Equal(0, listedElsewhere.GetProperty("items").GetArrayLength());
        Assert.True(verifiedElsewhere.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
            $"verification from another oblast: {(int)verifiedElsewhere.StatusCode} {await verifiedElsewhere.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.OK, (await destination.GetAsync($"/api/payments/{payment}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await destination.GetAsync($"/api/payments/entitlements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/payments/entitlements/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_housing_officer_registers_units_in_the_own_oblast_only()
    {
        using var clerk = await _system.Client("registry-clerk");
        using var officer = await _clients.Client("housing-officer", Destination);
        var inOblast = RealSettlements.NextCode(Destination);
        var outside = RealSettlements.NextCode(Elsewhere);
        foreach (var kato in new[] { inOblast, outside })
            Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, potentialClass = "high" })).StatusCode);

        using var refused = await Eventually.Get(async () =>
        {
            var response = await officer.PostAsJsonAsync("/api/housing/units", Unit(outside));
            return response.StatusCode == HttpStatusCode.Forbidden ? response : null;
        }, "the settlement of oblast 35 known to the housing service, and refused");
        using var registered = await Eventually.Get(async () =>
        {
            var response = await officer.PostAsJsonAsync("/api/housing/units", Unit(inOblast));
            return response.StatusCode == HttpStatusCode.Created ? response : null;
        }, "a unit registered in the officer's own oblast");

        await refused.AssertProblem(HttpStatusCode.Forbidden, "auth.oblast-scope");
        var unit = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var auditorOfDestination = await _clients.Client("auditor", Destination);
        Assert.Equal(HttpStatusCode.OK, (await auditorOfDestination.GetAsync($"/api/housing/units/{unit}")).StatusCode);
    }

    /// <summary>A case of a household of oblast 59 moving to oblast 43, approved by the demo clients of every oblast.</summary>
    private async Task<Guid> ApprovedCase()
    {
        using var clerk = await _system.Client("registry-clerk");
        using var admin = await _system.Client("admin");
        using var caseworker = await _system.Client("caseworker");
        using var supervisor = await _system.Client("case-supervisor");
        var (household, destination) = await CaseJourney.HouseholdToMove(clerk, Destination, "high", People.Member("head", new DateOnly(1982, 4, 4), Sex.Male));
        Assert.True((await admin.PutAsJsonAsync($"/api/cases/quotas/{Destination}/{DateTime.UtcNow.Year}", new { maxHouseholds = 50, maxPeople = 500 })).IsSuccessStatusCode);
        return await CaseJourney.Approved(caseworker, supervisor, household, destination);
    }

    /// <summary>A change with the right ETag, so that only the oblast can be what stops it.</summary>
    private static HttpRequestMessage WithIfMatch(string path, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return request;
    }

    private static object Unit(string kato) => new
    {
        settlementKato = kato, type = "house", address = "ул. Абая, 1", rooms = 3, floorArea = 70.0, capacity = 4, appraisedValue = 3_000_000, condition = "new",
    };
}
