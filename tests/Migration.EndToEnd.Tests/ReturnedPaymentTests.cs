using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;

namespace Migration.EndToEnd.Tests;

/// <summary>
/// The bank returns a payment because the family's account was closed: the finance officer records the new account,
/// reissues the payment once, and it is verified, approved and paid again. The family is paid once, and the budget
/// counts it once. Through the gateway only.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class ReturnedPaymentTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task A_returned_payment_is_reissued_to_the_new_account_and_paid_once()
    {
        using var clerk = await _system.Client("registry-clerk");
        using var admin = await _system.Client("admin");
        using var caseworker = await _system.Client("caseworker");
        using var supervisor = await _system.Client("case-supervisor");
        using var finance = await _system.Client("finance-officer");
        using var senior = await _system.Client("senior-finance-officer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (household, destination) = await CaseJourney.HouseholdToMove(clerk, "47", "medium", People.Member("head", new DateOnly(1969, 10, 10), Sex.Female));
        Assert.True((await admin.PutAsJsonAsync($"/api/cases/quotas/47/{today.Year}", new { maxHouseholds = 50, maxPeople = 500 })).IsSuccessStatusCode);
        var line = await PaymentSteps.BudgetLine(admin, today.Year, "local", "47", 10_000_000m);
        await PaymentSteps.SeniorMayApprove(admin);
        await PaymentSteps.Account(finance, household, "0000004700001", "Ахметова Гульнара");

        var id = await CaseJourney.Approved(caseworker, supervisor, household, destination);
        var subsidy = Assert.Single(await PaymentSteps.OfCase(finance, id, "relocation-subsidy"));
        await PaymentSteps.VerifyAndApprove(finance, senior, subsidy, line);
        await PaymentSteps.ThroughTheBank(finance, "47", today, returned: subsidy);
        await Eventually.True(async () => await PaymentSteps.Status(finance, subsidy) == "returned", "the subsidy returned by the bank");
        var amount = (await finance.GetFromJsonAsync<JsonElement>($"/api/payments/{subsidy}")).GetProperty("amountKzt").GetDecimal();

        await PaymentSteps.ChangeAccount(finance, household, "0000004700002", "Ахметова Гульнара");
        using var reissue = await PaymentSteps.Change(finance, subsidy, "reissue", new { reason = "The bank closed the account; the family gave a new one." });
        Assert.Equal(HttpStatusCode.Created, reissue.StatusCode);
        var again = (await reissue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var twice = await PaymentSteps.Change(finance, subsidy, "reissue", new { reason = "once more" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        await PaymentSteps.VerifyAndApprove(finance, senior, again, line);
        var batch = await PaymentSteps.ThroughTheBank(finance, "47", today);
        Assert.Equal(1, batch.GetProperty("count").GetInt32());
        await Eventually.True(async () => await PaymentSteps.Status(finance, again) == "paid", "the reissued payment paid");

        var original = await finance.GetFromJsonAsync<JsonElement>($"/api/payments/{subsidy}");
        Assert.Equal("returned", original.GetProperty("status").GetString());
        Assert.Equal(again, original.GetProperty("reissuedAs").GetGuid());
        var ledger = (await finance.GetFromJsonAsync<JsonElement>($"/api/payments/households/{household}/ledger")).GetProperty("total");
        Assert.Equal(amount, ledger.GetProperty("returned").GetDecimal());
        var benefit = (await finance.GetFromJsonAsync<JsonElement>($"/api/payments/households/{household}/ledger")).GetProperty("benefits").EnumerateArray()
            .Single(b => b.GetProperty("benefit").GetString() == "relocation-subsidy");
        Assert.Equal(amount, benefit.GetProperty("paid").GetDecimal());
        var execution = (await finance.GetFromJsonAsync<JsonElement>($"/api/payments/budgets/execution?fiscalYear={today.Year}&oblast=47&source=local")).GetProperty("total");
        Assert.Equal(amount, execution.GetProperty("spentKzt").GetDecimal());
    }
}
