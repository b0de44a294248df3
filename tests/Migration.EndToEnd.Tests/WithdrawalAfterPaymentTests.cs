using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;

namespace Migration.EndToEnd.Tests;

/// <summary>
/// A family withdraws after its house was reserved and its relocation subsidy paid: the house goes back to the stock,
/// the payments not yet made are cancelled (their budget commitments released) and a claw-back is opened for what was
/// paid. Through the gateway only.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class WithdrawalAfterPaymentTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task The_house_is_released_the_unpaid_cancelled_and_what_was_paid_is_claimed_back()
    {
        using var clerk = await _system.Client("registry-clerk");
        using var admin = await _system.Client("admin");
        using var officer = await _system.Client("housing-officer");
        using var caseworker = await _system.Client("caseworker");
        using var supervisor = await _system.Client("case-supervisor");
        using var finance = await _system.Client("finance-officer");
        using var senior = await _system.Client("senior-finance-officer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (household, destination) = await CaseJourney.HouseholdToMove(clerk, "27", "medium",
            People.Member("head", new DateOnly(1979, 1, 21), Sex.Male), People.Member("spouse", new DateOnly(1982, 12, 2), Sex.Female));
        Assert.True((await admin.PutAsJsonAsync($"/api/cases/quotas/27/{today.Year}", new { maxHouseholds = 50, maxPeople = 500 })).IsSuccessStatusCode);
        var line = await PaymentSteps.BudgetLine(admin, today.Year, "local", "27", 10_000_000m);
        await PaymentSteps.SeniorMayApprove(admin);
        await PaymentSteps.Account(finance, household, "0000002710001", "Жумабаев Нурлан");
        var unit = await CaseJourney.HouseAt(officer, destination, capacity: 4);

        var id = await CaseJourney.Approved(caseworker, supervisor, household, destination);
        await Eventually.True(async () => await CaseJourney.HousingStatus(caseworker, id) == "reserved", "the house reserved for the case");
        // The relocation subsidy (one payment per person) is paid on approval, before the move.
        var subsidies = await PaymentSteps.OfCase(finance, id, "relocation-subsidy");
        Assert.Equal(2, subsidies.Count);
        var all = await PaymentSteps.OfCase(finance, id);
        foreach (var subsidy in subsidies) await PaymentSteps.VerifyAndApprove(finance, senior, subsidy, line);
        var batch = await PaymentSteps.ThroughTheBank(finance, "27", today);
        Assert.Equal(2, batch.GetProperty("count").GetInt32());
        foreach (var subsidy in subsidies)
            await Eventually.True(async () => await PaymentSteps.Status(finance, subsidy) == "paid", "the relocation subsidy paid");
        var paid = batch.GetProperty("controlSumKzt").GetDecimal();

        await CaseJourney.Withdraw(caseworker, id, "The family found work at home and stays.");

        await Eventually.True(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/housing/units/{unit}")).GetProperty("status").GetString() == "available",
            "the house available again");
        foreach (var payment in all.Except(subsidies))
            await Eventually.True(async () => await PaymentSteps.Status(finance, payment) == "cancelled", $"payment {payment} cancelled");
        var recovery = await Eventually.Get(async () =>
        {
            using var response = await finance.GetAsync($"/api/payments/recoveries/{id}");
            return response.IsSuccessStatusCode ? (object?)await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, "the claw-back opened") as JsonElement?;
        Assert.Equal(paid, recovery!.Value.GetProperty("amountDueKzt").GetDecimal());
        Assert.Equal(paid, recovery.Value.GetProperty("outstandingKzt").GetDecimal());

        var ledger = (await finance.GetFromJsonAsync<JsonElement>($"/api/payments/households/{household}/ledger")).GetProperty("total");
        Assert.Equal(paid, ledger.GetProperty("paid").GetDecimal());
        Assert.Equal(paid, ledger.GetProperty("recoveryOutstanding").GetDecimal());
        var execution = (await finance.GetFromJsonAsync<JsonElement>($"/api/payments/budgets/execution?fiscalYear={today.Year}&oblast=27&source=local")).GetProperty("total");
        Assert.Equal(paid, execution.GetProperty("spentKzt").GetDecimal());
        Assert.Equal(0m, execution.GetProperty("committedKzt").GetDecimal());
    }
}
