using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Migration.Web.Tests;

/// <summary>
/// The caseworker's golden path in a real browser, through the gateway: log in, find the household by IIN and open a
/// case, assess it, choose a destination from the ranked recommendations, submit; the supervisor approves; a finance
/// officer verifies the relocation subsidy and a senior finance officer approves it; the caseworker confirms the move.
/// Every main screen on the way is kept as a screenshot and checked with axe.
/// </summary>
[Collection(WebRun.Name)]
public sealed class CaseworkerJourneyTests(WebFixture web)
{
    private readonly Programme _programme = new(web.System);

    [Fact]
    public async Task A_caseworker_opens_a_case_that_is_approved_paid_and_moved_by_four_people()
    {
        var household = await _programme.HouseholdReadyToMove("31");

        await using var caseworker = await StaffSession.LogIn(web, "caseworker");
        var page = caseworker.Page;
        await Expect(page.GetByTestId("user")).ToContainTextAsync("Demo caseworker");

        await caseworker.Open("cases/new");
        await page.GetByLabel("IIN of a household member").FillAsync(household.HeadIin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find household" }).ClickAsync();
        await Expect(page.GetByTestId("household")).ToContainTextAsync("Жумабаев");
        await caseworker.Check("open-case");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a relocation case" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/app/cases/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        var caseId = Guid.Parse(page.Url.Split('/').Last());
        await Expect(page.Locator("[data-status=opened]")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Assess eligibility" }).ClickAsync();
        await Expect(page.Locator("[data-status=eligible]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("eligibility")).ToContainTextAsync("✓");
        var recommendation = page.Locator($"[data-kato='{household.Destination}']");
        await Expect(recommendation).ToContainTextAsync(household.DestinationName);
        await caseworker.Check("case-destination");
        await recommendation.Locator("label").First.ClickAsync();
        await page.GetByLabel("Why this destination").FillAsync("Tractor drivers wanted; a house for the family");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose destination" }).ClickAsync();
        await Expect(page.Locator("[data-status=destination-chosen]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("destination")).ToContainTextAsync(household.DestinationName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit for approval" }).ClickAsync();
        await Expect(page.Locator("[data-status=submitted]")).ToBeVisibleAsync();

        await caseworker.Open("cases");
        await Expect(page.Locator($"[data-case='{caseId}']")).ToBeVisibleAsync();
        await caseworker.Check("cases");

        await using (var supervisor = await StaffSession.LogIn(web, "case-supervisor"))
        {
            await supervisor.Open("approvals");
            var row = supervisor.Page.Locator($"[data-case='{caseId}']");
            await Expect(row).ToBeVisibleAsync();
            await supervisor.Check("case-approvals");
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await supervisor.Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(supervisor.Page.Locator("[data-status=approved]").First).ToBeVisibleAsync();
            await supervisor.Check("case");
        }

        Assert.Equal("approved", await _programme.CaseStatus(caseId));
        var subsidy = await _programme.Payment(caseId, "relocation-subsidy");
        var paymentId = subsidy.GetProperty("id").GetGuid();

        await using (var finance = await StaffSession.LogIn(web, "finance-officer"))
        {
            await finance.Open("payments/verification");
            var row = finance.Page.Locator("tr", new() { Has = finance.Page.Locator($"[data-payment='{paymentId}']") });
            await Expect(row).ToContainTextAsync("Relocation subsidy");
            await finance.Check("payment-verification");
            await row.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
            await Expect(finance.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment verified.");
        }

        Assert.Equal("verified", await _programme.PaymentStatus(paymentId));
        await using (var senior = await StaffSession.LogIn(web, "senior-finance-officer"))
        {
            await senior.Open("payments/approval");
            var row = senior.Page.Locator("tr", new() { Has = senior.Page.Locator($"[data-payment='{paymentId}']") });
            await Expect(row.GetByTestId("verified-by")).ToHaveTextAsync("finance-officer");
            await senior.Check("payment-approval");
            await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(senior.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment approved.");
        }

        Assert.Equal("approved", await _programme.PaymentStatus(paymentId));
        await caseworker.Open($"cases/{caseId}");
        await Expect(caseworker.Page.GetByTestId("move")).ToBeVisibleAsync();
        await caseworker.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm move" }).ClickAsync();
        await Expect(page.Locator("[data-status=moved]").First).ToBeVisibleAsync();
        Assert.Equal("moved", await _programme.CaseStatus(caseId));

        // The moved household counts on the dashboard the caseworker starts from.
        await caseworker.Open("");
        await Expect(page.Locator("[data-loaded=true]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cases-by-status")).ToContainTextAsync("Moved");
        await Expect(page.GetByTestId("cases-over-time").Locator("tr", new() { HasText = "Moved" })).ToBeVisibleAsync();
        await caseworker.Check("dashboard");
    }
}
