using System.Net.Http.Json;
using Microsoft.Playwright;
using Migration.Identifiers;
using static Microsoft.Playwright.Assertions;

namespace Migration.Web.Tests;

/// <summary>
/// The registry clerk's and housing officer's forms in the browser: a settlement certified, its class set by hand with a
/// reason and both kept in its history; a household registered there, first refused for an IIN whose check digit is
/// wrong (the field's error shown), then accepted; a house registered at a receiving settlement and listed in the stock.
/// </summary>
[Collection(WebRun.Name)]
public sealed class RegistryAndHousingFormsTests(WebFixture web)
{
    [Fact]
    public async Task A_clerk_certifies_a_settlement_and_registers_a_household_there()
    {
        var settlement = RealSettlements.Next("59");
        await using var clerk = await StaffSession.LogIn(web, "registry-clerk");
        var page = clerk.Page;
        await clerk.Open("registry/settlements");
        var form = page.GetByTestId("certification");
        await form.GetByLabel("Settlement (KATO)").FillAsync(settlement.Code);
        await Choose(page, form, "Environmental hazard", "flooding");
        await form.GetByRole(AriaRole.Button, new() { Name = "Certify", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"({settlement.Code}) certified.");
        var history = page.GetByTestId("certification-history");
        await Expect(history.Locator("tr[data-change=certified]")).ToContainTextAsync("low");
        await clerk.Check("settlement-certification");

        var change = page.GetByTestId("potential-override");
        await Choose(page, change, "Potential", "medium");
        await change.GetByLabel("Why the class changes").FillAsync("A dairy opened in the spring and hires 60 people");
        await change.GetByRole(AriaRole.Button, new() { Name = "Set the class" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Class set.");
        await Expect(history.Locator("tr[data-change=potential-overridden]")).ToContainTextAsync("A dairy opened in the spring");
        await Expect(history.Locator("tr[data-change=reclassified]")).ToContainTextAsync("low → medium");

        await page.Locator("tr", new() { Has = page.Locator($"[data-kato='{settlement.Code}']") }).GetByRole(AriaRole.Button, new() { Name = "Households" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Register a household here" }).ClickAsync();
        await clerk.Interactive();
        await Expect(page.GetByLabel("Settlement (KATO)")).ToHaveValueAsync(settlement.Code);
        var head = People.NextIin(new DateOnly(1975, 6, 1), Sex.Female).Value;
        var wrong = head[..11] + ((head[11] - '0' + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var member = page.GetByTestId("member-1");
        await member.GetByLabel("IIN").FillAsync(wrong);
        await member.GetByLabel("Last name").FillAsync("Сейтова");
        await member.GetByLabel("First name").FillAsync("Алия");
        await member.GetByLabel("Born").FillAsync("1975-06-01");
        await Choose(page, member, "Sex", "female");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register household" }).ClickAsync();
        await Expect(page.Locator("[data-problem='validation.failed']")).ToContainTextAsync("iin.check-digit");
        await clerk.Check("household-registration-refused");

        await member.GetByLabel("IIN").FillAsync(head);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register household" }).ClickAsync();
        await Expect(page.GetByTestId("registered")).ToContainTextAsync($"Household of 1 registered at {settlement.Code}.");
        using var api = await web.System.Client("registry-clerk");
        using var found = await api.GetAsync($"/api/registry/households/by-member/{head}");
        Assert.True(found.IsSuccessStatusCode, $"the household by its head: {(int)found.StatusCode}");
    }

    [Fact]
    public async Task A_housing_officer_registers_a_house_at_a_receiving_settlement()
    {
        var destination = RealSettlements.Next("43");
        using (var clerk = await web.System.Client("registry-clerk"))
        using (var certified = await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = destination.Code, potentialClass = "high" }))
            Assert.Equal(System.Net.HttpStatusCode.Created, certified.StatusCode);
        using (var officer = await web.System.Client("housing-officer"))
            await Eventually.True(async () => (await officer.GetAsync($"/api/housing/settlements/{destination.Code}")).IsSuccessStatusCode, "the settlement known to the housing service");

        await using var housing = await StaffSession.LogIn(web, "housing-officer");
        var page = housing.Page;
        await housing.Open("housing");
        var form = page.GetByTestId("unit-registration");
        var address = $"ул. Абая, {Random.Shared.Next(1, 999)}";
        await form.GetByLabel("Settlement (KATO)").FillAsync(destination.Code);
        await form.GetByLabel("Address").FillAsync(address);
        await housing.Check("unit-registration");
        await form.GetByRole(AriaRole.Button, new() { Name = "Register unit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Unit registered at {destination.Code}: {address}.");
        await Expect(page.GetByTestId("units")).ToContainTextAsync(address);
    }

    /// <summary>Picks an option of a MudBlazor select by its label (a popover list, not a native select).</summary>
    private static async Task Choose(IPage page, ILocator scope, string label, string option)
    {
        await scope.GetByLabel(label).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
