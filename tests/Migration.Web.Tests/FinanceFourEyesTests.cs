using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Migration.Web.Tests;

/// <summary>
/// Four eyes in the browser: a finance officer who also approves payments verifies one and is then refused its approval
/// (the approval queue shows who verified it and why the member may not approve); the payment stays verified until
/// another senior finance officer approves it.
/// </summary>
[Collection(WebRun.Name)]
public sealed class FinanceFourEyesTests(WebFixture web)
{
    private const string Password = "a-long-password-for-both-roles";
    private readonly Programme _programme = new(web.System);

    [Fact]
    public async Task A_finance_officer_cannot_approve_a_payment_they_verified()
    {
        var household = await _programme.HouseholdReadyToMove("35");
        var caseId = await _programme.ApprovedCase(household);
        var paymentId = (await _programme.Payment(caseId, "relocation-subsidy")).GetProperty("id").GetGuid();
        var userName = await _programme.FinanceOfficerWhoAlsoApproves(Password);

        await using var both = await StaffSession.LogIn(web, userName, Password);
        await both.Open("payments/verification");
        var toVerify = both.Page.Locator("tr", new() { Has = both.Page.Locator($"[data-payment='{paymentId}']") });
        await toVerify.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(both.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment verified.");

        await both.Open("payments/approval");
        var toApprove = both.Page.Locator("tr", new() { Has = both.Page.Locator($"[data-payment='{paymentId}']") });
        await Expect(toApprove.GetByTestId("verified-by")).ToHaveTextAsync(userName);
        await Expect(toApprove.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeDisabledAsync();
        await Expect(toApprove.GetByTestId("four-eyes")).ToHaveTextAsync("You verified this payment: another senior finance officer approves it.");
        await both.Check("payment-approval-four-eyes");
        Assert.Equal("verified", await _programme.PaymentStatus(paymentId));

        await using var senior = await StaffSession.LogIn(web, "senior-finance-officer");
        await senior.Open("payments/approval");
        var other = senior.Page.Locator("tr", new() { Has = senior.Page.Locator($"[data-payment='{paymentId}']") });
        await other.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(senior.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment approved.");
        Assert.Equal("approved", await _programme.PaymentStatus(paymentId));
    }
}
