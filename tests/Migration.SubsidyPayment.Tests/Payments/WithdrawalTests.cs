using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using CaseContracts = Migration.Contracts.RelocationCase;
using PaymentContracts = Migration.Contracts.SubsidyPayment;

namespace Migration.SubsidyPayment.Tests.Payments;

/// <summary>A withdrawn case: what is unpaid is cancelled, commitments go back, one-off benefits are free again.</summary>
[Collection(SubsidyPaymentRun.Name)]
public sealed class WithdrawalTests(SubsidyPaymentFixture service)
{
    private readonly PaymentDesk _desk = new(service);

    [Fact]
    public async Task Withdrawal_cancels_every_unpaid_payment_and_gives_the_commitment_back()
    {
        var head = PaymentDesk.Member("head", 1977, Sex.Male);
        var approved = PaymentDesk.Approved([head, PaymentDesk.Member("spouse", 1979, Sex.Female)]);
        var payments = await _desk.PaymentsOf(approved);
        var subsidy = PaymentDesk.Id(payments.First(p => p.GetProperty("iin").GetString() == head.Iin && p.GetProperty("benefit").GetString() == "relocation-subsidy"));
        var line = await _desk.BudgetLine(1_000_000m);
        await _desk.RecordAccount(approved.HouseholdId);
        await _desk.Verified(subsidy, line);
        await _desk.SetLimit("kairat", 1_000_000m);
        await _desk.Approved(subsidy, "kairat");

        await service.Publish(new CaseContracts.CaseWithdrawn(approved.CaseId, approved.HouseholdId, "the family stays", true, DateTimeOffset.UtcNow));
        await Eventually.True(async () => (await Statuses(approved.CaseId)).All(s => s == "cancelled"), "every payment cancelled");
        var again = PaymentDesk.Approved([head], new DateTimeOffset(2007, 2, 1, 12, 0, 0, TimeSpan.FromHours(6)));
        var later = await _desk.PaymentsOf(again);
        using var recovery = await _desk.Admin.GetAsync(new Uri($"/api/payments/recoveries/{approved.CaseId}", UriKind.Relative));

        Assert.Equal(payments.Count, (await Statuses(approved.CaseId)).Count);
        Assert.Equal(2 + 2 + 12, payments.Count);   // relocation and travel per member, 12 rent instalments
        var budget = await _desk.Line(line);
        Assert.Equal((0m, 1_000_000m), (budget.GetProperty("committedKzt").GetDecimal(), budget.GetProperty("availableKzt").GetDecimal()));
        await Eventually.True(() => service.Published.OfType<PaymentContracts.BudgetReleased>().Any(r => r.PaymentId == subsidy && r.AvailableKzt == 1_000_000m), "BudgetReleased");
        await Eventually.True(() => service.Published.OfType<PaymentContracts.PaymentCancelled>().Count(c => c.CaseId == approved.CaseId) == payments.Count, "PaymentCancelled");
        Assert.Contains(later, p => p.GetProperty("benefit").GetString() == "relocation-subsidy" && p.GetProperty("iin").GetString() == head.Iin);
        await recovery.AssertProblem(HttpStatusCode.NotFound, "recovery.not-found");
        using var approveCancelled = await _desk.Step(_desk.Senior("kairat"), PaymentDesk.Id(payments[^1]), "approval");
        await approveCancelled.AssertProblem(HttpStatusCode.Conflict, "payment.wrong-status");
    }

    [Fact]
    public async Task A_cancelled_case_is_not_revived_by_its_late_approval()
    {
        var approved = PaymentDesk.Approved([PaymentDesk.Member("head", 1966, Sex.Female)]);
        var cancelledId = Guid.NewGuid();
        var approvedId = Guid.NewGuid();

        await service.Publish(new CaseContracts.CaseCancelled(approved.CaseId, approved.HouseholdId, "duplicate case", true, DateTimeOffset.UtcNow), cancelledId);
        await Eventually.True(() => service.Handled("CaseCancelledConsumer", cancelledId), "the cancellation handled");
        await service.Publish(approved, approvedId);
        await Eventually.True(() => service.Handled("CaseApprovedConsumer", approvedId), "the late approval handled");

        var page = await _desk.Admin.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={approved.CaseId}");
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        using var entitlement = await _desk.Admin.GetAsync(new Uri($"/api/payments/entitlements/{approved.CaseId}", UriKind.Relative));
        await entitlement.AssertProblem(HttpStatusCode.NotFound, "entitlement.not-found");
    }

    [Fact]
    public async Task An_approval_and_a_withdrawal_handled_at_the_same_moment_leave_no_payment_open()
    {
        var cases = Enumerable.Range(0, 8).Select(i => PaymentDesk.Approved([PaymentDesk.Member("head", 1950 + i, Sex.Male)])).ToList();
        var messages = cases.Select(c => (Approved: Guid.NewGuid(), Withdrawn: Guid.NewGuid())).ToList();

        await Task.WhenAll(cases.SelectMany((c, i) => new[]
        {
            service.Publish(c, messages[i].Approved),
            service.Publish(new CaseContracts.CaseWithdrawn(c.CaseId, c.HouseholdId, "changed their mind", true, DateTimeOffset.UtcNow), messages[i].Withdrawn),
        }));
        foreach (var (approved, withdrawn) in messages)
        {
            await Eventually.True(() => service.Handled("CaseApprovedConsumer", approved), "the approval handled");
            await Eventually.True(() => service.Handled("CaseWithdrawnConsumer", withdrawn), "the withdrawal handled");
        }

        foreach (var c in cases) Assert.All(await Statuses(c.CaseId), s => Assert.Equal("cancelled", s));
    }

    private async Task<IReadOnlyList<string>> Statuses(Guid caseId)
    {
        var page = await _desk.Admin.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={caseId}&limit=500");
        return [.. page.GetProperty("items").EnumerateArray().Select(PaymentDesk.Status)];
    }
}
