using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Migration.SimulatedBank;
using Xunit;

namespace Migration.Testing;

/// <summary>The finance officers' steps through the gateway, shared by the end-to-end and operations tests.</summary>
public static class PaymentSteps
{
    /// <summary>The bank of the accounts these tests record (bank code 856).</summary>
    public const string Bic = "KCJBKZKX";

    /// <summary>Opens a budget line and returns its id.</summary>
    public static async Task<Guid> BudgetLine(HttpClient admin, int year, string source, string oblast, decimal allocatedKzt)
    {
        using var line = await admin.PostAsJsonAsync("/api/payments/budgets", new { fiscalYear = year, source, oblast, allocatedKzt, reference = "maslikhat decision" });
        Assert.Equal(HttpStatusCode.Created, line.StatusCode);
        return (await line.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The senior finance officer may approve up to KZT 5 million a payment.</summary>
    public static async Task SeniorMayApprove(HttpClient admin) =>
        Assert.True((await admin.PutAsJsonAsync("/api/payments/approval-policy/limits/senior-finance-officer", new { limitKzt = 5_000_000m })).IsSuccessStatusCode);

    /// <summary>Records the household's account at the bank of <see cref="Bic"/>.</summary>
    public static async Task Account(HttpClient finance, Guid household, string account, string holder) =>
        Assert.Equal(HttpStatusCode.Created, (await finance.PutAsJsonAsync($"/api/payments/households/{household}/account",
            new { iban = Iban.Create("856", account).Value, holderName = holder })).StatusCode);

    /// <summary>The family gives a new account (the one on record changes, so If-Match).</summary>
    public static async Task ChangeAccount(HttpClient finance, Guid household, string account, string holder)
    {
        var path = $"/api/payments/households/{household}/account";
        using var current = await finance.GetAsync(path);
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(new { iban = Iban.Create("856", account).Value, holderName = holder }) };
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        using var changed = await finance.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    /// <summary>The ids of a case's payments, once the payment service has calculated them (optionally of one benefit).</summary>
    public static async Task<List<Guid>> OfCase(HttpClient finance, Guid caseId, string? benefit = null) =>
        await Eventually.Get(async () =>
        {
            var page = await finance.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={caseId}&limit=500{(benefit is null ? "" : $"&benefit={benefit}")}");
            return page.GetProperty("items").GetArrayLength() > 0 ? page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList() : null;
        }, "the case's payments");

    /// <summary>Takes a step on a payment at its current version.</summary>
    public static async Task<HttpResponseMessage> Change(HttpClient client, Guid payment, string step, object body)
    {
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/payments/{payment}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/{payment}/{step}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{current.GetProperty("version").GetInt64()}\""));
        return await client.SendAsync(request);
    }

    /// <summary>Verified by the finance officer against the line, approved by the senior (once the case allows it).</summary>
    public static async Task VerifyAndApprove(HttpClient finance, HttpClient senior, Guid payment, Guid budgetLine)
    {
        using (var verified = await Change(finance, payment, "verification", new { budgetLineId = budgetLine }))
            Assert.True(verified.StatusCode == HttpStatusCode.OK, $"verification: {(int)verified.StatusCode} {await verified.Content.ReadAsStringAsync()}");
        await Eventually.True(async () =>
        {
            using var approved = await Change(senior, payment, "approval", new { });
            return approved.StatusCode == HttpStatusCode.OK;
        }, "the approval (once the case allows it)");
    }

    /// <summary>
    /// Batches the oblast's approved payments, sends the file to the simulated bank, imports its statement and returns
    /// the batch as it was created. The bank returns the <paramref name="returned"/> payments (account closed, AC04).
    /// </summary>
    public static async Task<JsonElement> ThroughTheBank(HttpClient finance, string oblast, DateOnly executionDate, params Guid[] returned)
    {
        using var created = await finance.PostAsJsonAsync("/api/payments/batches", new { executionDate = executionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), oblast });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var batch = await created.Content.ReadFromJsonAsync<JsonElement>();
        var batchId = batch.GetProperty("id").GetGuid();
        var pain = await finance.GetByteArrayAsync($"/api/payments/batches/{batchId}/files/{Bic}");
        using (var send = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/batches/{batchId}/sent") { Content = JsonContent.Create(new { }) })
        {
            send.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{batch.GetProperty("version").GetInt64()}\""));
            using var sent = await finance.SendAsync(send);
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var bank = BankSimulator.Receive(pain);
        foreach (var payment in returned)
            bank.Return((await finance.GetFromJsonAsync<JsonElement>($"/api/payments/{payment}")).GetProperty("endToEndId").GetString()!, "AC04");
        using var statement = new ByteArrayContent(BankSimulator.ToUtf8(bank.Statement($"STMT-{batchId:N}"[..35])));
        statement.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var imported = await finance.PostAsync("/api/payments/statements", statement);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        return batch;
    }

    public static async Task<string?> Status(HttpClient finance, Guid payment) =>
        (await finance.GetFromJsonAsync<JsonElement>($"/api/payments/{payment}")).GetProperty("status").GetString();
}
