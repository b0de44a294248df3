using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Migration.SimulatedBank;
using static Microsoft.Playwright.Assertions;

namespace Migration.Web.Tests;

/// <summary>
/// A finance officer's bank day in the browser: a batch of the approved payments, its pain.001 file downloaded and
/// marked sent, the bank's camt.053 statement uploaded and its matching result read (one payment paid, one returned
/// for a closed account), the returned payment reissued; then the household withdraws and the claw-back of what was
/// paid shows among the recoveries, where a first repayment is recorded.
/// </summary>
[Collection(WebRun.Name)]
public sealed class DisbursementTests(WebFixture web)
{
    private const string Oblast = "47";
    private readonly Programme _programme = new(web.System);

    [Fact]
    public async Task A_finance_officer_sends_a_batch_reconciles_the_statement_and_reissues_the_returned_payment()
    {
        var household = await _programme.HouseholdReadyToMove(Oblast);
        var caseId = await _programme.ApprovedCase(household);
        var payments = await _programme.ApprovedPayments(caseId, Oblast);
        Assert.True(payments.Count >= 2, $"{payments.Count} payment(s) payable before the move: one to pay and one to return are needed");

        await using var finance = await StaffSession.LogIn(web, "finance-officer");
        var page = finance.Page;
        await finance.Open("payments/batches");
        await page.GetByLabel("Oblast (KATO, optional)").FillAsync(Oblast);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create batch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Batch created: {payments.Count} payments");
        var batchId = await BatchOf(payments[0]);
        var batch = page.Locator("tr", new() { Has = page.Locator($"[data-batch='{batchId}']") });
        await Expect(batch).ToContainTextAsync("Created");
        await finance.Check("batches-created");

        var download = await page.RunAndWaitForDownloadAsync(() => batch.GetByRole(AriaRole.Link).First.ClickAsync());
        var pain001 = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Contains("pain.001.001.03", Encoding.UTF8.GetString(pain001), StringComparison.Ordinal);

        await batch.GetByRole(AriaRole.Button, new() { Name = "Mark sent" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Batch marked as sent.");
        await Expect(batch).ToContainTextAsync("Sent to the bank");

        // The bank pays every transfer but one, which comes back: the account is closed.
        var returned = payments[1];
        var returnedEndToEnd = (await _programme.PaymentRead(returned)).GetProperty("endToEndId").GetString()!;
        var statement = Path.Combine(Path.GetTempPath(), $"camt053-{Guid.NewGuid():N}.xml");
        await File.WriteAllBytesAsync(statement, BankSimulator.ToUtf8(BankSimulator.Receive(pain001)
            .Return(returnedEndToEnd, "AC04", "Closed account number").Statement($"STMT{Guid.NewGuid():N}"[..20])));
        await finance.Open("payments/statements");
        await page.GetByLabel("Statement file (XML)").SetInputFilesAsync(statement);
        var result = page.GetByTestId("statement-result");
        // Every transfer was booked; the returned one then came back.
        await Expect(result.Locator("tr", new() { HasText = "Paid" })).ToContainTextAsync(payments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(result.Locator("tr", new() { HasText = "Returned" })).ToContainTextAsync("1");
        await finance.Check("statement-result");
        File.Delete(statement);
        Assert.Equal("paid", await _programme.PaymentStatus(payments[0]));
        Assert.Equal("returned", await _programme.PaymentStatus(returned));

        // The returned payment, found from the list of payments, is paid again once the household has a new account.
        await finance.Open("payments?status=returned");
        await page.Locator($"[data-payment='{returned}']").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("return-reason")).ToContainTextAsync("AC04");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reissue…" }).ClickAsync();
        await page.GetByTestId("reissue").GetByLabel("Why it is paid again").FillAsync("The household opened a new account at another bank");
        await finance.Check("payment-reissue");
        await page.GetByTestId("reissue").GetByRole(AriaRole.Button, new() { Name = "Reissue", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/app/payments/", StringComparison.Ordinal) && !url.Contains(returned.ToString(), StringComparison.Ordinal));
        await Expect(page.Locator("[data-status=calculated]").First).ToBeVisibleAsync();
        var reissued = Guid.Parse(page.Url.Split('/').Last());
        Assert.Equal(reissued, (await _programme.PaymentRead(returned)).GetProperty("reissuedAs").GetGuid());
        await finance.Open($"payments/{returned}");
        await Expect(page.GetByTestId("reissued-as")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reissue…" })).ToHaveCountAsync(0);

        // The household withdraws: what the bank paid is owed back.
        using (var caseworker = await web.System.Client("caseworker"))
        {
            await CaseJourney.Withdraw(caseworker, caseId, "The family stays at the origin");
        }

        var paid = 0m;
        foreach (var payment in payments.Where(p => p != returned)) paid += (await _programme.PaymentRead(payment)).GetProperty("amountKzt").GetDecimal();
        await Eventually.True(async () =>
        {
            using var api = await web.System.Client("finance-officer");
            using var recovery = await api.GetAsync($"/api/payments/recoveries/{caseId}");
            return recovery.IsSuccessStatusCode && (await recovery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amountDueKzt").GetDecimal() == paid;
        }, "the recovery of what was paid");
        await finance.Open("payments/recoveries");
        var recoveryRow = page.Locator("tr", new() { Has = page.Locator($"[data-recovery='{caseId}']") });
        await Expect(recoveryRow).ToContainTextAsync("Open");
        var number = caseId.ToString("N")[..8].ToUpperInvariant();
        await recoveryRow.GetByRole(AriaRole.Button, new() { Name = $"Record a repayment for case {number}" }).ClickAsync();
        var repayment = page.GetByTestId("repayment");
        await repayment.GetByLabel("Amount (KZT)").FillAsync("1000");
        await repayment.GetByLabel("Bank reference").FillAsync($"REF{Guid.NewGuid():N}"[..16]);
        await finance.Check("recoveries");
        await repayment.GetByRole(AriaRole.Button, new() { Name = "Record repayment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Repayment recorded");
        await Expect(recoveryRow).ToContainTextAsync("1,000.00");
    }

    private async Task<Guid> BatchOf(Guid paymentId) =>
        (await _programme.PaymentRead(paymentId)).GetProperty("batchId").GetGuid();
}
