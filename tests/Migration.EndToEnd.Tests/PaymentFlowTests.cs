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
        using var line = await admin.PostAsJsonAsync("/api/payments/budgets", new { fiscalYear = today.Year, source = "local", oblast = "31", allocatedKzt = 10_000_000m, reference = "maslikhat decision" });
        Assert.Equal(HttpStatusCode.Created, line.StatusCode);
        var lineId = (await line.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.True((await admin.PutAsJsonAsync("/api/payments/approval-policy/limits/senior-finance-officer", new { limitKzt = 5_000_000m })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, (await finance.PutAsJsonAsync($"/api/payments/households/{household}/account",
            new { iban = Iban.Create("856", "0000001234567").Value, holderName = "Сейтказиева Айгуль" })).StatusCode);

        var id = await CaseJourney.Approved(caseworker, supervisor, household, destination);
        var payments = await Eventually.Get(async () =>
        {
            var page = await finance.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={id}&limit=500");
            return page.GetProperty("items").GetArrayLength() > 0 ? (object?)page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList() : null;
        }, "the case's payments") as List<Guid>;
        using var read = await caseworker.GetAsync($"/api/cases/{id}");
        await CaseJourney.Step(caseworker, id, "move-confirmation", new { arrivedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, read.Headers.ETag!.Tag);

        foreach (var payment in payments!)
        {
            Assert.Equal(HttpStatusCode.OK, (await Change(finance, payment, "verification", new { budgetLineId = lineId })).StatusCode);
            await Eventually.True(async () => (await Change(senior, payment, "approval", new { })).StatusCode == HttpStatusCode.OK, "the approval (after the move is known)");
        }

        using var created = await finance.PostAsJsonAsync("/api/payments/batches", new { executionDate = today.AddMonths(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), oblast = "31" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var batch = await created.Content.ReadFromJsonAsync<JsonElement>();
        var batchId = batch.GetProperty("id").GetGuid();
        var pain = await finance.GetByteArrayAsync($"/api/payments/batches/{batchId}/files/KCJBKZKX");
        using var sent = await Post(finance, $"/api/payments/batches/{batchId}/sent", batch.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        using var statement = new ByteArrayContent(BankSimulator.ToUtf8(BankSimulator.Receive(pain).Statement($"STMT-{batchId:N}"[..35])));
        statement.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var imported = await finance.PostAsync("/api/payments/statements", statement);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

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

    private static async Task<HttpResponseMessage> Change(HttpClient client, Guid payment, string step, object body)
    {
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/payments/{payment}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/{payment}/{step}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{current.GetProperty("version").GetInt64()}\""));
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string uri, long version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(new { }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return await client.SendAsync(request);
    }
}
