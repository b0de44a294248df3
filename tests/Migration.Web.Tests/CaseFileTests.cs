using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Migration.Web.Tests;

/// <summary>
/// The case page as a caseworker and a supervisor keep it: a note added shows among the notes and on the timeline, a
/// supervisor hands the case to another caseworker, and the household withdraws with its reason, which the case and its
/// timeline keep.
/// </summary>
[Collection(WebRun.Name)]
public sealed class CaseFileTests(WebFixture web)
{
    private const string Note = "The family asks to move after the harvest, in October";
    private const string Withdrawal = "The head found work in the home village";
    private readonly Programme _programme = new(web.System);

    [Fact]
    public async Task A_caseworker_adds_a_note_and_the_household_withdraws_after_a_reassignment()
    {
        var household = await _programme.HouseholdReadyToMove("27");
        var (caseId, _) = await _programme.OpenedCase(household);

        await using var caseworker = await StaffSession.LogIn(web, "caseworker");
        var page = caseworker.Page;
        await caseworker.Open($"cases/{caseId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Notes" }).ClickAsync();
        await page.GetByLabel("New note").FillAsync(Note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Note added.");
        await Expect(page.GetByTestId("notes")).ToContainTextAsync(Note);
        await caseworker.Check("case-notes");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        await Expect(page.Locator("[data-testid=timeline] tr[data-event=note-added]")).ToContainTextAsync(Note);

        await using (var supervisor = await StaffSession.LogIn(web, "case-supervisor"))
        {
            await supervisor.Open($"cases/{caseId}");
            await supervisor.Page.GetByRole(AriaRole.Button, new() { Name = "Reassign…" }).ClickAsync();
            var form = supervisor.Page.GetByTestId("assignment");
            await form.GetByLabel("Caseworker's user name").FillAsync("caseworker-east");
            await form.GetByLabel("Why it is reassigned").FillAsync("Caseworker on leave until spring");
            await supervisor.Check("case-reassignment");
            await form.GetByRole(AriaRole.Button, new() { Name = "Reassign", Exact = true }).ClickAsync();
            await Expect(supervisor.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Case reassigned.");
            await Expect(supervisor.Page.GetByTestId("caseworker")).ToHaveTextAsync("caseworker-east");
        }

        await caseworker.Open($"cases/{caseId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "The household withdraws…" }).ClickAsync();
        var withdrawal = page.GetByTestId("withdrawal");
        await withdrawal.GetByLabel("Why the household withdraws").FillAsync(Withdrawal);
        await caseworker.Check("case-withdrawal");
        await withdrawal.GetByRole(AriaRole.Button, new() { Name = "Withdraw the case" }).ClickAsync();
        await Expect(page.Locator("[data-status=withdrawn]").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("end-reason")).ToContainTextAsync(Withdrawal);
        Assert.Equal("withdrawn", await _programme.CaseStatus(caseId));
        // A withdrawn case offers no more steps.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "The household withdraws…" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        await Expect(page.Locator("[data-testid=timeline] tr[data-event=case-withdrawn]")).ToContainTextAsync(Withdrawal);
        await Expect(page.Locator("[data-testid=timeline] tr[data-event=case-reassigned]")).ToContainTextAsync("→ caseworker-east");
    }
}
