using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;

namespace Migration.EndToEnd.Tests;

/// <summary>
/// A household's relocation across the services, through the gateway only: the registry certifies and registers, the
/// case service learns it by events, a case runs to the confirmed move, and the registry moves the household.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class RelocationFlowTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task A_household_is_relocated_end_to_end_and_the_registry_follows_the_confirmed_move()
    {
        using var clerk = await _system.Client("registry-clerk");
        using var admin = await _system.Client("admin");
        using var caseworker = await _system.Client("caseworker");
        using var supervisor = await _system.Client("case-supervisor");
        var (household, destination) = await CaseJourney.HouseholdToMove(clerk, "35", "high",
            People.Member("head", new DateOnly(1968, 2, 14), Sex.Male), People.Member("spouse", new DateOnly(1970, 7, 1), Sex.Female));
        Assert.True((await admin.PutAsJsonAsync($"/api/cases/quotas/35/{DateTime.UtcNow.Year}", new { maxHouseholds = 50, maxPeople = 500 })).IsSuccessStatusCode);

        // The case service learns of the household and the settlements through the registry's events.
        var id = await CaseJourney.Approved(caseworker, supervisor, household, destination);

        // The payment service computes the household's entitlement from the approval, and the case shows it.
        using var finance = await _system.Client("finance-officer");
        var entitlement = await Eventually.Get(async () =>
        {
            using var response = await finance.GetAsync($"/api/payments/entitlements/{id}");
            return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()) : null;
        }, "the entitlement at the payment service");
        Assert.Equal(2, entitlement.RootElement.GetProperty("householdSize").GetInt32());
        await Eventually.True(async () => (await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("payments") is { ValueKind: JsonValueKind.Object } p
            && p.GetProperty("entitledKzt").GetDecimal() > 0, "the entitlement shown on the case");
        // Housing reports on the case too (no unit at this destination: waitlisted); each report is a new version of the case
        // (payment reports are not: they live beside the case).
        await Eventually.True(async () => (await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("housing").ValueKind == JsonValueKind.Object,
            "the housing report on the case");
        var etag = (await caseworker.GetAsync($"/api/cases/{id}")).Headers.ETag!.Tag;
        await CaseJourney.Step(caseworker, id, "move-confirmation", new { arrivedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, etag);

        await Eventually.True(async () =>
            (await clerk.GetFromJsonAsync<JsonElement>($"/api/registry/households/{household}")).GetProperty("settlementKato").GetString() == destination,
            "the registry moving the household to its destination");
    }

    [Fact]
    public async Task Withdrawal_after_housing_was_reserved_gives_the_unit_back()
    {
        using var clerk = await _system.Client("registry-clerk");
        using var admin = await _system.Client("admin");
        using var officer = await _system.Client("housing-officer");
        using var caseworker = await _system.Client("caseworker");
        using var supervisor = await _system.Client("case-supervisor");
        var (household, destination) = await CaseJourney.HouseholdToMove(clerk, "43", "medium",
            People.Member("head", new DateOnly(1980, 3, 3), Sex.Male), People.Member("child", new DateOnly(2004, 5, 5), Sex.Female, "child", null));
        Assert.True((await admin.PutAsJsonAsync($"/api/cases/quotas/43/{DateTime.UtcNow.Year}", new { maxHouseholds = 50, maxPeople = 500 })).IsSuccessStatusCode);
        var unit = await CaseJourney.HouseAt(officer, destination, capacity: 4);

        var id = await CaseJourney.Approved(caseworker, supervisor, household, destination);
        await Eventually.True(async () => (await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("housing") is { ValueKind: JsonValueKind.Object } h
            && h.GetProperty("status").GetString() == "reserved" && h.GetProperty("unitId").GetString() == unit, "the unit reserved for the case");
        Assert.Equal("reserved", (await officer.GetFromJsonAsync<JsonElement>($"/api/housing/units/{unit}")).GetProperty("status").GetString());

        // The payment service reports on the case too (beside it: the case's version does not change).
        await Eventually.True(async () => (await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("payments").ValueKind == JsonValueKind.Object,
            "the entitlement report on the case");
        await CaseJourney.Withdraw(caseworker, id, "The family decided to stay.");

        await Eventually.True(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/housing/units/{unit}")).GetProperty("status").GetString() == "available",
            "the unit available again");
        await Eventually.True(async () => (await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("housing").GetProperty("status").GetString() == "released",
            "the case showing its housing released");
    }
}
