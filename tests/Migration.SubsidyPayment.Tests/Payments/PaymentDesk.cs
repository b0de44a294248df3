using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using CaseContracts = Migration.Contracts.RelocationCase;

namespace Migration.SubsidyPayment.Tests.Payments;

/// <summary>
/// The finance office, as tests drive it through the service's API: approved cases arriving by message, budget lines,
/// household accounts, approval limits, and each step of the workflow with the version read (If-Match).
/// </summary>
public sealed class PaymentDesk(SubsidyPaymentFixture service)
{
    private static int _nextYear = 2040;

    public HttpClient Admin { get; } = service.Client("admin", caller: "finance-admin");

    public HttpClient Officer(string who = "officer-1", string oblast = "*") => service.Client("finance-officer", oblast, who);

    public HttpClient Senior(string who) => service.Client("senior-finance-officer", caller: who);

    public static CaseContracts.CaseMember Member(string relationship, int year, Sex sex) =>
        new(People.NextIin(new DateOnly(year, 5, 5), sex).Value, new DateOnly(year, 5, 5), sex == Sex.Male ? "male" : "female", relationship);

    /// <summary>
    /// A case approved on <paramref name="at"/> for a household of <paramref name="members"/>, moving from Turkistan (61)
    /// to an oblast (Kyzylorda, 43, unless a test needs payments no other test batches).
    /// </summary>
    public static CaseContracts.CaseApproved Approved(
        IReadOnlyList<CaseContracts.CaseMember> members, DateTimeOffset? at = null, Guid? householdId = null, string destinationOblast = "43") =>
        new(Guid.NewGuid(), householdId ?? Guid.NewGuid(), "611010100", "61", $"{destinationOblast}4030100", destinationOblast, members, false,
            at ?? new DateTimeOffset(2006, 3, 1, 12, 0, 0, TimeSpan.FromHours(6)));

    /// <summary>Publishes the approval and waits for the case's payments to be calculated.</summary>
    public async Task<IReadOnlyList<JsonElement>> PaymentsOf(CaseContracts.CaseApproved approved)
    {
        await service.Publish(approved);
        return await Eventually.Get(async () =>
        {
            var page = await Admin.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={approved.CaseId}&limit=500");
            var items = page.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
            return items.Count > 0 ? items : null;
        }, $"the payments of case {approved.CaseId}");
    }

    public async Task<JsonElement> Payment(Guid paymentId) => await Admin.GetFromJsonAsync<JsonElement>($"/api/payments/{paymentId}");

    /// <summary>Opens a line of its own (a fiscal year no other test uses) in <paramref name="oblast"/>.</summary>
    public async Task<Guid> BudgetLine(decimal allocated, string oblast = "43")
    {
        var year = Interlocked.Increment(ref _nextYear);
        using var response = await Admin.PostAsJsonAsync("/api/payments/budgets",
            new { fiscalYear = year, source = "republican", oblast, allocatedKzt = allocated, reference = $"budget law {year}" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> Line(Guid lineId) => await Admin.GetFromJsonAsync<JsonElement>($"/api/payments/budgets/{lineId}");

    public async Task RecordAccount(Guid householdId, string bankCode = "601")
    {
        using var response = await Officer().PutAsJsonAsync($"/api/payments/households/{householdId}/account",
            new { iban = Iban.Create(bankCode, $"{Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}").Value, holderName = "Абенов Серик" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task SetLimit(string who, decimal limit)
    {
        using var response = await Admin.PutAsJsonAsync($"/api/payments/approval-policy/limits/{who}", new { limitKzt = limit });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Sends a workflow step with the payment's current version in If-Match.</summary>
    public async Task<HttpResponseMessage> Step(HttpClient client, Guid paymentId, string step, object? body = null)
    {
        var current = await Payment(paymentId);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/{paymentId}/{step}") { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{current.GetProperty("version").GetInt64()}\""));
        return await client.SendAsync(request);
    }

    public async Task<JsonElement> Verified(Guid paymentId, Guid lineId, string by = "officer-1")
    {
        using var response = await Step(Officer(by), paymentId, "verification", new { budgetLineId = lineId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> Approved(Guid paymentId, string by)
    {
        using var response = await Step(Senior(by), paymentId, "approval");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// Everything of the case that may be paid before the move (relocation subsidies and the first rent instalment),
    /// verified against <paramref name="lineId"/> and approved; the household paid at a bank of <paramref name="bankCode"/>.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> ApprovedBeforeMove(CaseContracts.CaseApproved approved, Guid lineId, string bankCode = "601")
    {
        await SetLimit("approver-of-tests", 10_000_000m);
        var payable = (await PaymentsOf(approved)).Where(p => !p.GetProperty("awaitsMove").GetBoolean()).ToList();
        await RecordAccount(approved.HouseholdId, bankCode);
        var result = new List<JsonElement>();
        foreach (var payment in payable)
        {
            await Verified(Id(payment), lineId);
            result.Add(await Approved(Id(payment), "approver-of-tests"));
        }

        return result;
    }

    public static async Task<HttpResponseMessage> Post(HttpClient client, string uri, object body, long version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return await client.SendAsync(request);
    }

    public static Guid Id(JsonElement payment) => payment.GetProperty("id").GetGuid();

    public static string Status(JsonElement payment) => payment.GetProperty("status").GetString()!;

    public static JsonElement OfBenefit(IEnumerable<JsonElement> payments, string benefit) =>
        payments.First(p => p.GetProperty("benefit").GetString() == benefit);
}
