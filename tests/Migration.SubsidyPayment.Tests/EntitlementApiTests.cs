using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using CaseContracts = Migration.Contracts.RelocationCase;
using PaymentContracts = Migration.Contracts.SubsidyPayment;

namespace Migration.SubsidyPayment.Tests;

/// <summary>Entitlements computed from approved cases, through the running service, its bus and its API.</summary>
[Collection(SubsidyPaymentRun.Name)]
public sealed class EntitlementApiTests(SubsidyPaymentFixture service)
{
    private readonly HttpClient _finance = service.Client("finance-officer");

    private static CaseContracts.CaseMember Member(string relationship, int year, Sex sex) =>
        new(People.NextIin(new DateOnly(year, 5, 5), sex).Value, new DateOnly(year, 5, 5), sex == Sex.Male ? "male" : "female", relationship);

    private static CaseContracts.CaseApproved Approved(Guid householdId, IReadOnlyList<CaseContracts.CaseMember> members, DateTimeOffset at) =>
        new(Guid.NewGuid(), householdId, "611010100", "61", "434030100", "43", members, false, at);

    private async Task<JsonElement> Entitlement(Guid caseId) =>
        await Eventually.Get(async () =>
        {
            using var response = await _finance.GetAsync(new Uri($"/api/payments/entitlements/{caseId}", UriKind.Relative));
            return response.IsSuccessStatusCode ? (object?)JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
        }, $"the entitlements of case {caseId}") is JsonElement e ? e : default;

    [Fact]
    public async Task A_person_in_two_approved_cases_receives_each_one_off_benefit_once()
    {
        var head = Member("head", 1979, Sex.Male);
        var spouse = Member("spouse", 1981, Sex.Female);
        var child = Member("child", 2003, Sex.Female);
        var household = Guid.NewGuid();
        var first = Approved(household, [head, spouse, child], new DateTimeOffset(2006, 3, 1, 12, 0, 0, TimeSpan.FromHours(6)));
        var second = Approved(Guid.NewGuid(), [Member("head", 1975, Sex.Male), child], new DateTimeOffset(2006, 5, 1, 12, 0, 0, TimeSpan.FromHours(6)));

        await service.Publish(first);
        var one = await Entitlement(first.CaseId);
        await service.Publish(second);
        var two = await Entitlement(second.CaseId);

        Assert.Equal(1_030m, one.GetProperty("mciValue").GetDecimal());
        Assert.Equal(3, Lines(one, "relocation-subsidy").Count(l => l.GetProperty("iin").GetString() is not null));
        Assert.Equal(216_300m + 123_600m + 247_200m, one.GetProperty("totalKzt").GetDecimal());     // 210 + 120 + 240 MCI × 1,030
        var relocated = Lines(two, "relocation-subsidy").Select(l => l.GetProperty("iin").GetString()).ToList();
        Assert.DoesNotContain(child.Iin, relocated);
        Assert.Single(relocated);
        Assert.DoesNotContain(child.Iin, Lines(two, "travel-reimbursement").Select(l => l.GetProperty("iin").GetString()));
        var withheld = two.GetProperty("withheld").EnumerateArray().ToList();
        Assert.Equal(2, withheld.Count);
        Assert.All(withheld, w => Assert.Equal($"already received in case {first.CaseId}", w.GetProperty("reason").GetString()));

        var ledger = await _finance.GetFromJsonAsync<JsonElement>($"/api/payments/households/{household}/ledger");
        var relocation = ledger.GetProperty("benefits").EnumerateArray().Single(b => b.GetProperty("benefit").GetString() == "relocation-subsidy");
        Assert.Equal(216_300m + 123_600m + 247_200m, ledger.GetProperty("total").GetProperty("entitled").GetDecimal());
        Assert.Equal((216_300m, 0m, 0m), (relocation.GetProperty("entitled").GetDecimal(), relocation.GetProperty("approved").GetDecimal(), relocation.GetProperty("paid").GetDecimal()));
        await Eventually.True(() => service.Published.OfType<PaymentContracts.EntitlementCalculated>().Any(p => p.CaseId == second.CaseId && p.WithheldOneOffs == 2),
            "EntitlementCalculated of the second case");
    }

    [Fact]
    public async Task A_redelivered_approval_computes_nothing_twice_and_is_read_in_scope()
    {
        var approved = Approved(Guid.NewGuid(), [Member("head", 1980, Sex.Male)], new DateTimeOffset(2020, 4, 1, 10, 0, 0, TimeSpan.FromHours(6)));
        var messageId = Guid.NewGuid();

        await service.Publish(approved, messageId);
        await service.Publish(approved, messageId);
        await service.Publish(approved);
        var e = await Entitlement(approved.CaseId);

        Assert.Equal(2_778m, e.GetProperty("mciValue").GetDecimal());
        Assert.Equal((70m + 50m + 15m * 12) * 2_778m, e.GetProperty("totalKzt").GetDecimal());
        await Eventually.True(() => service.Published.OfType<PaymentContracts.EntitlementCalculated>().Any(p => p.CaseId == approved.CaseId), "EntitlementCalculated");
        Assert.Single(service.Published.OfType<PaymentContracts.EntitlementCalculated>(), p => p.CaseId == approved.CaseId);
        using var housing = await service.Client("housing-officer").GetAsync(new Uri($"/api/payments/entitlements/{approved.CaseId}", UriKind.Relative));
        await housing.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        using var elsewhere = await service.Client("finance-officer", oblast: "35").GetAsync(new Uri($"/api/payments/entitlements/{approved.CaseId}", UriKind.Relative));
        await elsewhere.AssertProblem(HttpStatusCode.NotFound, "entitlement.not-found");
        Assert.Equal(approved.Members[0].Iin, e.GetProperty("lines")[0].GetProperty("iin").GetString());
    }

    [Fact]
    public async Task Two_approvals_sharing_a_person_at_the_same_moment_grant_the_person_once()
    {
        var shared = Member("child", 2004, Sex.Male);
        var cases = Enumerable.Range(0, 4)
            .Select(i => Approved(Guid.NewGuid(), [Member("head", 1970 + i, Sex.Female), shared], new DateTimeOffset(2022, 4, 1, 12, 0, 0, TimeSpan.FromHours(6))))
            .ToList();

        await Task.WhenAll(cases.Select(c => service.Publish(c)));
        var entitlements = new List<JsonElement>();
        foreach (var c in cases) entitlements.Add(await Entitlement(c.CaseId));

        Assert.All(entitlements, e => Assert.Equal(3_180m, e.GetProperty("mciValue").GetDecimal()));
        Assert.Single(entitlements.SelectMany(e => Lines(e, "relocation-subsidy")), l => l.GetProperty("iin").GetString() == shared.Iin);
        Assert.Single(entitlements.SelectMany(e => Lines(e, "travel-reimbursement")), l => l.GetProperty("iin").GetString() == shared.Iin);
        Assert.Equal(6, entitlements.Sum(e => e.GetProperty("withheld").GetArrayLength()));
    }

    [Fact]
    public async Task A_finance_officer_grants_the_requested_housing_certificate_once()
    {
        var approved = Approved(Guid.NewGuid(), [Member("head", 1985, Sex.Male), Member("spouse", 1986, Sex.Female)],
            new DateTimeOffset(2025, 6, 15, 12, 0, 0, TimeSpan.FromHours(5)));
        await service.Publish(approved);
        await Entitlement(approved.CaseId);
        var uri = new Uri($"/api/payments/entitlements/{approved.CaseId}/housing-certificate", UriKind.Relative);

        using var noVersion = await _finance.PostAsJsonAsync(uri, new { declaredPriceKzt = 8_000_000m, appraisedValueKzt = 500_000m });
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(new { declaredPriceKzt = 8_000_000m, appraisedValueKzt = 500_000m }) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        using var granted = await _finance.SendAsync(request);
        using var again = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(new { declaredPriceKzt = 1_000_000m, appraisedValueKzt = 1_000_000m }) };
        again.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"2\""));
        using var twice = await _finance.SendAsync(again);

        await noVersion.AssertProblem(HttpStatusCode.PreconditionRequired, "concurrency.if-match-required");
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        await twice.AssertProblem(HttpStatusCode.Conflict, "entitlement.certificate-exists");
        var e = await Entitlement(approved.CaseId);
        Assert.Equal(250_000m, Lines(e, "housing-certificate").Single().GetProperty("amountKzt").GetDecimal());
        var certificate = await _finance.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={approved.CaseId}&benefit=housing-certificate");
        Assert.Equal("the declared price 8,000,000 KZT is 16 times the appraised value 500,000 KZT",
            certificate.GetProperty("items").EnumerateArray().Single().GetProperty("reviewNote").GetString());   // two approvers, whatever the amount
        Assert.Equal((70m * 2 + 50m + 35m + 15m * 12) * 3_932m + 250_000m, e.GetProperty("totalKzt").GetDecimal());
    }

    private static IEnumerable<JsonElement> Lines(JsonElement entitlement, string benefit) =>
        entitlement.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("benefit").GetString() == benefit);
}
