using System.Net;
using Migration.Identifiers;

namespace Migration.SubsidyPayment.Tests.Payments;

/// <summary>No approval without funds, and no overspending when approvals race on two instances of the service.</summary>
[Collection(SubsidyPaymentRun.Name)]
public sealed class BudgetRaceTests(SubsidyPaymentFixture service)
{
    private readonly PaymentDesk _desk = new(service);

    [Fact]
    public async Task Ten_approvals_racing_on_two_instances_against_room_for_three_commit_exactly_three()
    {
        var line = await _desk.BudgetLine(3 * 72_100m);
        await _desk.SetLimit("racer-1", 1_000_000m);
        await _desk.SetLimit("racer-2", 1_000_000m);
        var payments = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var approved = PaymentDesk.Approved([PaymentDesk.Member("head", 1960 + i, Sex.Female)]);
            var id = PaymentDesk.Id(PaymentDesk.OfBenefit(await _desk.PaymentsOf(approved), "relocation-subsidy"));
            await _desk.RecordAccount(approved.HouseholdId);
            await _desk.Verified(id, line);
            payments.Add(id);
        }

        await using var second = await service.StartAnotherInstance();
        var approvers = new[] { service.Client("senior-finance-officer", caller: "racer-1"), service.Client("senior-finance-officer", caller: "racer-2", instance: second) };
        using var start = new SemaphoreSlim(0);
        var racing = payments.Select(async (id, i) =>
        {
            await start.WaitAsync();
            return await _desk.Step(approvers[i % 2], id, "approval");
        }).ToList();
        start.Release(payments.Count);
        var answers = await Task.WhenAll(racing);

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK)) await refused.AssertProblem(HttpStatusCode.Conflict, "budget.insufficient");
        var budget = await _desk.Line(line);
        Assert.Equal(216_300m, budget.GetProperty("committedKzt").GetDecimal());
        Assert.Equal(0m, budget.GetProperty("availableKzt").GetDecimal());
        var statuses = new List<string>();
        foreach (var id in payments) statuses.Add(PaymentDesk.Status(await _desk.Payment(id)));
        Assert.Equal(3, statuses.Count(s => s == "approved"));
        Assert.Equal(7, statuses.Count(s => s == "verified"));
        foreach (var answer in answers) answer.Dispose();
    }
}
