using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Migration.Web.Tests;

/// <summary>
/// A supervisor sends a case back from the approval queue: a reason is required, the case shows it, and the caseworker
/// who prepared it reads it on the case and its timeline, with the case back in their hands to rework.
/// </summary>
[Collection(WebRun.Name)]
public sealed class CaseDecisionTests(WebFixture web)
{
    private const string Reason = "The destination has no school for the three children";
    private readonly Programme _programme = new(web.System);

    [Fact]
    public async Task A_supervisor_rejects_a_case_with_a_reason_the_caseworker_then_reads()
    {
        var household = await _programme.HouseholdReadyToMove("43");
        var caseId = await _programme.SubmittedCase(household);
        var number = caseId.ToString("N")[..8].ToUpperInvariant();

        await using (var supervisor = await StaffSession.LogIn(web, "case-supervisor"))
        {
            var page = supervisor.Page;
            await supervisor.Open("approvals");
            var row = page.Locator("tr", new() { Has = page.Locator($"[data-case='{caseId}']") });
            await row.GetByRole(AriaRole.Button, new() { Name = $"Reject case {number}" }).ClickAsync();
            var form = page.GetByTestId("rejection");
            await Expect(form).ToContainTextAsync($"Send case {number} back");

            // No reason, no rejection: the form says what is missing and nothing is sent.
            await form.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
            await Expect(form).ToContainTextAsync("Give a reason of at least 5 characters.");
            Assert.Equal("submitted", await _programme.CaseStatus(caseId));
            await supervisor.Check("case-rejection");

            await form.GetByLabel("Reason for rejection").FillAsync(Reason);
            await form.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Case {number} sent back to caseworker.");
            await Expect(page.Locator($"[data-case='{caseId}']")).ToHaveCountAsync(0);
        }

        Assert.Equal("rejected", await _programme.CaseStatus(caseId));
        await using var caseworker = await StaffSession.LogIn(web, "caseworker");
        await caseworker.Open("cases");
        await Expect(caseworker.Page.Locator("tr", new() { Has = caseworker.Page.Locator($"[data-case='{caseId}']") })).ToContainTextAsync("Rejected");
        await caseworker.Open($"cases/{caseId}");
        await Expect(caseworker.Page.GetByTestId("rejection-reason")).ToContainTextAsync(Reason);
        // Back with the caseworker: the destination can be changed and the case submitted again.
        await Expect(caseworker.Page.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" })).ToBeVisibleAsync();
        await caseworker.Page.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        var rejection = caseworker.Page.Locator("[data-testid=timeline] tr[data-event=case-rejected]");
        await Expect(rejection).ToContainTextAsync("Rejected and sent back");
        await Expect(rejection).ToContainTextAsync(Reason);
        await Expect(rejection).ToContainTextAsync("case-supervisor");
        await caseworker.Check("case-rejected");
    }
}
