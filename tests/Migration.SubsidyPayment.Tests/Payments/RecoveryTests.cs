using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Migration.SimulatedBank;
using CaseContracts = Migration.Contracts.RelocationCase;

namespace Migration.SubsidyPayment.Tests.Payments;

/// <summary>Claw-back: a household paid, then withdrawn, repays in parts.</summary>
[Collection(SubsidyPaymentRun.Name)]
public sealed class RecoveryTests(SubsidyPaymentFixture service)
{
    private readonly PaymentDesk _desk = new(service);

    [Fact]
    public async Task A_withdrawal_after_payment_opens_a_recovery_that_partial_repayments_settle()
    {
        var line = await _desk.BudgetLine(5_000_000m, oblast: "47");
        var approved = PaymentDesk.Approved([PaymentDesk.Member("head", 1968, Sex.Male)], destinationOblast: "47");
        var paid = await _desk.ApprovedBeforeMove(approved, line);
        var due = paid.Sum(p => p.GetProperty("amountKzt").GetDecimal());
        using var created = await _desk.Officer().PostAsJsonAsync("/api/payments/batches", new { executionDate = "2006-04-30", oblast = "47" });
        var batch = await created.Content.ReadFromJsonAsync<JsonElement>();
        var batchId = batch.GetProperty("id").GetGuid();
        using var sent = await PaymentDesk.Post(_desk.Officer(), $"/api/payments/batches/{batchId}/sent", new { }, batch.GetProperty("version").GetInt64());
        var pain = await _desk.Officer().GetByteArrayAsync($"/api/payments/batches/{batchId}/files/HSBKKZKX");
        using var content = new ByteArrayContent(BankSimulator.ToUtf8(BankSimulator.Receive(pain).Statement("STMT-47-1")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var imported = await _desk.Officer().PostAsync("/api/payments/statements", content);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

        await service.Publish(new CaseContracts.CaseWithdrawn(approved.CaseId, approved.HouseholdId, "the family went back to its village", true, DateTimeOffset.UtcNow));
        var recovery = await Eventually.Get(async () =>
        {
            using var response = await _desk.Officer().GetAsync(new Uri($"/api/payments/recoveries/{approved.CaseId}", UriKind.Relative));
            return response.IsSuccessStatusCode ? (object?)await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, "the recovery");
        var opened = (JsonElement)recovery;
        using var part = await Repay(approved.CaseId, 30_000m, "KZ-PAY-0001");
        using var sameReference = await Repay(approved.CaseId, 1_000m, "KZ-PAY-0001");
        using var tooMuch = await Repay(approved.CaseId, due, "KZ-PAY-0002");
        using var rest = await Repay(approved.CaseId, due - 30_000m, "KZ-PAY-0003");
        using var afterSettled = await Repay(approved.CaseId, 0.01m, "KZ-PAY-0004");

        Assert.Equal((due, "open", "system"), (opened.GetProperty("amountDueKzt").GetDecimal(), opened.GetProperty("status").GetString(), opened.GetProperty("openedBy").GetString()));
        Assert.Equal(HttpStatusCode.OK, part.StatusCode);
        var partly = await part.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((due - 30_000m, "open"), (partly.GetProperty("outstandingKzt").GetDecimal(), partly.GetProperty("status").GetString()));
        await sameReference.AssertProblem(HttpStatusCode.Conflict, "recovery.duplicate-reference");
        await tooMuch.AssertProblem(HttpStatusCode.Conflict, "recovery.overpaid");
        var settled = await rest.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0m, "settled", 2), (settled.GetProperty("outstandingKzt").GetDecimal(), settled.GetProperty("status").GetString(), settled.GetProperty("repayments").GetArrayLength()));
        await afterSettled.AssertProblem(HttpStatusCode.Conflict, "recovery.overpaid");
        var statuses = (await _desk.Admin.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={approved.CaseId}&limit=500")).GetProperty("items").EnumerateArray()
            .Select(PaymentDesk.Status).ToList();
        Assert.Equal(paid.Count, statuses.Count(s => s == "paid"));
        Assert.All(statuses.Where(s => s != "paid"), s => Assert.Equal("cancelled", s));
        var ledger = await _desk.Officer().GetFromJsonAsync<JsonElement>($"/api/payments/households/{approved.HouseholdId}/ledger");
        Assert.Equal((due, due, 0m), (ledger.GetProperty("total").GetProperty("paid").GetDecimal(), ledger.GetProperty("total").GetProperty("recovered").GetDecimal(),
            ledger.GetProperty("total").GetProperty("recoveryOutstanding").GetDecimal()));
    }

    private async Task<HttpResponseMessage> Repay(Guid caseId, decimal amount, string reference)
    {
        var current = await _desk.Officer().GetFromJsonAsync<JsonElement>($"/api/payments/recoveries/{caseId}");
        return await PaymentDesk.Post(_desk.Officer(), $"/api/payments/recoveries/{caseId}/repayments",
            new { amountKzt = amount, receivedOn = "2007-01-15", reference }, current.GetProperty("version").GetInt64());
    }
}
