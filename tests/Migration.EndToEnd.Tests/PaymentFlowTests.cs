using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Migration.SimulatedBank;

namespace Migration.EndToEnd.Tests;

/// <summary>
/// A household's support from approval to the bank and back, through the gateway only: payments calculated from the
/// approved case, verified and approved by two people against a budget line, batched into a bank file, reconciled from
/// the bank's statement; the case closes by itself once the move is confirmed and every payment is settled.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class PaymentFlowTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task A_moved_household_is_paid_in_full_and_its_case_closes_when_the_bank_confirms_the_last_payment()
    {
        using var clerk = await _system.Client("registry-clerk");
        using var admin = await _system.Client("admin");
        using var caseworker = await _system.Client("caseworker");
        using var supervisor = await _system.Client("case-supervisor");
        using var finance = await _system.Client("finance-officer");
        using var senior = await _system.Client("senior-finance-officer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (household, destination) = await CaseJourney.HouseholdToMove(clerk, "31", "high", People.Member("head", new DateOnly(1975, 9, 9), Sex.Female));
        Assert.True((await admin.PutAsJsonAsync($"/api/cases/quotas/31/{today.Year}", new { maxHouseholds = 50, maxPeople = 500 })).IsSuccessStatusCode);
        var lineId = await PaymentSteps.BudgetLine(admin, today.Year, "local", "31", 10_000_000m);
        await PaymentSteps.SeniorMayApprove(admin);
        await PaymentSteps.Account(finance, household, "0000001234567", "Сейтказиева Айгуль");

        var id = await CaseJourney.Approved(caseworker, supervisor, household, destination);
        var payments = await PaymentSteps.OfCase(finance, id);
        // The housing service's reservation and the entitlement reach the case on their own; confirm the move on the case as it is.
        await CaseJourney.StepOnCurrent(caseworker, id, "move-confirmation", new { arrivedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        foreach (var payment in payments) await PaymentSteps.VerifyAndApprove(finance, senior, payment, lineId);

        var batch = await PaymentSteps.ThroughTheBank(finance, "31", today.AddMonths(14));

        // The settlement and each payment's report travel separately: wait for the case to be closed and to show every payment paid.
        var closed = await Eventually.Get(async () =>
        {
            var c = await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
            return c.GetProperty("status").GetString() == "closed"
                && c.GetProperty("payments").GetProperty("paidKzt").GetDecimal() == batch.GetProperty("controlSumKzt").GetDecimal() ? (object?)c : null;
        }, "the case closed by its settled payments, showing them paid");
        var file = (JsonElement)closed;
        Assert.Equal(payments.Count, batch.GetProperty("count").GetInt32());
        Assert.True(file.GetProperty("payments").GetProperty("settled").GetBoolean());
        Assert.Equal(batch.GetProperty("controlSumKzt").GetDecimal(), file.GetProperty("payments").GetProperty("paidKzt").GetDecimal());
        var ledger = await finance.GetFromJsonAsync<JsonElement>($"/api/payments/households/{household}/ledger");
        Assert.Equal(ledger.GetProperty("total").GetProperty("entitled").GetDecimal(), ledger.GetProperty("total").GetProperty("paid").GetDecimal());
        var execution = await finance.GetFromJsonAsync<JsonElement>($"/api/payments/budgets/execution?fiscalYear={today.Year}&oblast=31");
        Assert.Equal(batch.GetProperty("controlSumKzt").GetDecimal(), execution.GetProperty("total").GetProperty("spentKzt").GetDecimal());
    }
}
