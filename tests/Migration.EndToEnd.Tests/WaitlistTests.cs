using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;

namespace Migration.EndToEnd.Tests;

/// <summary>
/// Two families approved for a destination with one house: the second waits; when the first withdraws, the house goes
/// to the family at the head of the waitlist without anyone asking. Through the gateway only.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class WaitlistTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task A_waiting_family_gets_the_house_another_family_gave_up()
    {
        using var clerk = await _system.Client("registry-clerk");
        using var admin = await _system.Client("admin");
        using var officer = await _system.Client("housing-officer");
        using var caseworker = await _system.Client("caseworker");
        using var supervisor = await _system.Client("case-supervisor");
        var (first, destination) = await CaseJourney.HouseholdToMove(clerk, "35", "high", People.Member("head", new DateOnly(1977, 7, 7), Sex.Male));
        var second = await CaseJourney.HouseholdAtNewOrigin(clerk, People.Member("head", new DateOnly(1983, 3, 8), Sex.Female));
        Assert.True((await admin.PutAsJsonAsync($"/api/cases/quotas/35/{DateTime.UtcNow.Year}", new { maxHouseholds = 50, maxPeople = 500 })).IsSuccessStatusCode);
        var unit = await CaseJourney.HouseAt(officer, destination, capacity: 3);

        var firstCase = await CaseJourney.Approved(caseworker, supervisor, first, destination);
        await Eventually.True(async () => await CaseJourney.HousingStatus(caseworker, firstCase) == "reserved", "the house reserved for the first family");
        var secondCase = await CaseJourney.Approved(caseworker, supervisor, second, destination);
        await Eventually.True(async () => await CaseJourney.HousingStatus(caseworker, secondCase) == "waitlisted", "the second family on the waitlist");
        var waitlist = await officer.GetFromJsonAsync<JsonElement>($"/api/housing/waitlists/{destination}");
        Assert.Equal(secondCase, Assert.Single(waitlist.EnumerateArray()).GetProperty("caseId").GetGuid());

        await CaseJourney.Withdraw(caseworker, firstCase, "The family stays with the grandparents.");

        await Eventually.True(async () => await CaseJourney.HousingStatus(caseworker, secondCase) == "reserved", "the house passed to the waiting family");
        var reservation = await officer.GetFromJsonAsync<JsonElement>($"/api/housing/reservations/{secondCase}");
        Assert.Equal(unit, reservation.GetProperty("unitId").GetString());
        Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>($"/api/housing/waitlists/{destination}")).GetArrayLength());
        Assert.Equal("released", await CaseJourney.HousingStatus(caseworker, firstCase));
    }
}
