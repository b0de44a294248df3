using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;

namespace Migration.SubsidyPayment.Tests.Payments;

/// <summary>
/// Verification and approval in bulk: every payment of a request is checked on its own by the rules of the single
/// endpoints and accepted or refused with its code; the budget holds when bulk approvals race on two instances.
/// </summary>
[Collection(SubsidyPaymentRun.Name)]
public sealed class BulkPaymentTests(SubsidyPaymentFixture service)
{
    private readonly PaymentDesk _desk = new(service);

    [Fact]
    public async Task A_bulk_verification_verifies_the_good_payments_and_refuses_each_other_one_with_its_code()
    {
        var (good, stale, calculatedElsewhere) = (await Subsidy(1961), await Subsidy(1962), await Subsidy(1963));
        var line = await _desk.BudgetLine(1_000_000m);
        var otherOblast = await _desk.BudgetLine(1_000_000m, oblast: "27");
        var unknown = Guid.NewGuid();

        var (status, body) = await Bulk(_desk.Officer("saule"), "verifications", new object[]
        {
            new { paymentId = good, version = 1, budgetLineId = line },
            new { paymentId = stale, version = 7, budgetLineId = line },
            new { paymentId = calculatedElsewhere, version = 1, budgetLineId = otherOblast },
            new { paymentId = unknown, version = 1, budgetLineId = line },
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((1, 3), (body.GetProperty("accepted").GetInt32(), body.GetProperty("refused").GetInt32()));
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([good, stale, calculatedElsewhere, unknown], results.Select(r => r.GetProperty("paymentId").GetGuid()));
        Assert.Equal(("accepted", "verified", 2L), (Text(results[0], "outcome"), Text(results[0], "status"), results[0].GetProperty("version").GetInt64()));
        Assert.Equal(["concurrency.version-mismatch", "payment.wrong-budget-oblast", "payment.not-found"], results.Skip(1).Select(r => Text(r, "code")));
        Assert.All(results.Skip(1), r => Assert.Equal("refused", Text(r, "outcome")));
        var verified = await _desk.Payment(good);
        Assert.Equal(("verified", "saule", line), (PaymentDesk.Status(verified), Text(verified, "verifiedBy"), verified.GetProperty("budgetLineId").GetGuid()));
        Assert.Equal("calculated", PaymentDesk.Status(await _desk.Payment(stale)));
        Assert.Equal("calculated", PaymentDesk.Status(await _desk.Payment(calculatedElsewhere)));
    }

    [Fact]
    public async Task A_bulk_approval_applies_four_eyes_limits_and_the_second_approver_to_each_payment()
    {
        var line = await _desk.BudgetLine(10_000_000m);
        var ok = await VerifiedSubsidy(1964, line, "officer-1");
        var ownVerification = await VerifiedSubsidy(1965, line, "bolat");
        var stillCalculated = await Subsidy(1966);
        var certificate = await VerifiedCertificate(line);
        await _desk.SetLimit("bolat", 100_000m);
        await _desk.SetLimit("erlan", 5_000_000m);
        await _desk.SetLimit("gulnara", 5_000_000m);

        var (_, byBolat) = await Bulk(_desk.Senior("bolat"), "approvals", new object[]
        {
            new { paymentId = ok, version = 2 }, new { paymentId = ownVerification, version = 2 },
            new { paymentId = stillCalculated, version = 1 }, new { paymentId = certificate, version = 2 },
        });
        var committedByBolat = (await _desk.Line(line)).GetProperty("committedKzt").GetDecimal();
        var (_, byErlan) = await Bulk(_desk.Senior("erlan"), "approvals", new object[] { new { paymentId = certificate, version = 2 } });
        var (_, erlanAgain) = await Bulk(_desk.Senior("erlan"), "approvals", new object[] { new { paymentId = certificate, version = 3 } });
        var (_, byGulnara) = await Bulk(_desk.Senior("gulnara"), "approvals", new object[] { new { paymentId = certificate, version = 3 } });
        using var byOfficer = await _desk.Officer("daniyar").PostAsJsonAsync("/api/payments/approvals", new { items = new[] { new { paymentId = ok, version = 3 } } });

        Assert.Equal(["accepted:approved", "refused:approval.four-eyes", "refused:payment.wrong-status", "refused:approval.over-limit"], Outcomes(byBolat));
        Assert.Equal(72_100m, committedByBolat);
        Assert.Equal(["accepted:awaiting-second-approval"], Outcomes(byErlan));
        Assert.Equal(["refused:approval.four-eyes"], Outcomes(erlanAgain));
        Assert.Equal(["accepted:approved"], Outcomes(byGulnara));
        await byOfficer.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        var approved = await _desk.Payment(certificate);
        Assert.Equal(["erlan", "gulnara"], approved.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("by").GetString()));
        Assert.Equal(72_100m + approved.GetProperty("amountKzt").GetDecimal(), (await _desk.Line(line)).GetProperty("committedKzt").GetDecimal());
        Assert.Equal("verified", PaymentDesk.Status(await _desk.Payment(ownVerification)));
    }

    [Fact]
    public async Task Bulk_approvals_racing_on_two_instances_against_room_for_three_commit_exactly_three()
    {
        var line = await _desk.BudgetLine(3 * 72_100m);
        await _desk.SetLimit("bulk-racer-1", 1_000_000m);
        await _desk.SetLimit("bulk-racer-2", 1_000_000m);
        var payments = new List<Guid>();
        for (var i = 0; i < 10; i++) payments.Add(await VerifiedSubsidy(1940 + i, line, "officer-1"));

        await using var second = await service.StartAnotherInstance();
        var approvers = new[] { service.Client("senior-finance-officer", caller: "bulk-racer-1"), service.Client("senior-finance-officer", caller: "bulk-racer-2", instance: second) };
        using var start = new SemaphoreSlim(0);
        var racing = payments.Chunk(5).Select(async (chunk, i) =>
        {
            await start.WaitAsync();
            return await Bulk(approvers[i], "approvals", chunk.Select(id => (object)new { paymentId = id, version = 2 }).ToArray());
        }).ToList();
        start.Release(2);
        var answers = await Task.WhenAll(racing);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var outcomes = answers.SelectMany(a => Outcomes(a.Body)).ToList();
        Assert.Equal(3, outcomes.Count(o => o == "accepted:approved"));
        Assert.Equal(7, outcomes.Count(o => o == "refused:budget.insufficient"));
        var budget = await _desk.Line(line);
        Assert.Equal((216_300m, 0m), (budget.GetProperty("committedKzt").GetDecimal(), budget.GetProperty("availableKzt").GetDecimal()));
        var statuses = new List<string>();
        foreach (var id in payments) statuses.Add(PaymentDesk.Status(await _desk.Payment(id)));
        Assert.Equal(3, statuses.Count(s => s == "approved"));
        Assert.Equal(7, statuses.Count(s => s == "verified"));
    }

    [Fact]
    public async Task A_bulk_request_without_payments_or_naming_one_twice_or_without_versions_is_refused_whole()
    {
        var id = await Subsidy(1967);
        var line = await _desk.BudgetLine(1_000_000m);

        var (empty, emptyBody) = await Bulk(_desk.Officer(), "verifications", []);
        var (twice, twiceBody) = await Bulk(_desk.Officer(), "verifications", new object[]
        {
            new { paymentId = id, version = 1, budgetLineId = line }, new { paymentId = id, version = 1, budgetLineId = line },
        });
        var (unversioned, unversionedBody) = await Bulk(_desk.Senior("bolat"), "approvals", new object[] { new { paymentId = id } });
        var (tooMany, _) = await Bulk(_desk.Officer(), "verifications",
            Enumerable.Range(0, 501).Select(_ => (object)new { paymentId = Guid.NewGuid(), version = 1, budgetLineId = line }).ToArray());

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [empty, twice, unversioned, tooMany]);
        Assert.Equal("validation.failed", Text(emptyBody, "code"));
        Assert.Contains(twiceBody.GetProperty("errors").EnumerateArray(), e => Text(e, "code") == "items.duplicate");
        Assert.Contains(unversionedBody.GetProperty("errors").EnumerateArray(), e => Text(e, "field") == "items[0].version");
        Assert.Equal("calculated", PaymentDesk.Status(await _desk.Payment(id)));
    }

    private async Task<Guid> Subsidy(int born)
    {
        var approved = PaymentDesk.Approved([PaymentDesk.Member("head", born, Sex.Male)]);
        var id = PaymentDesk.Id(PaymentDesk.OfBenefit(await _desk.PaymentsOf(approved), "relocation-subsidy"));
        await _desk.RecordAccount(approved.HouseholdId);
        return id;
    }

    private async Task<Guid> VerifiedSubsidy(int born, Guid line, string verifier)
    {
        var id = await Subsidy(born);
        await _desk.Verified(id, line, by: verifier);
        return id;
    }

    /// <summary>A verified housing certificate of 1.8 million KZT: above the threshold, so two approvers are needed.</summary>
    private async Task<Guid> VerifiedCertificate(Guid line)
    {
        var approved = PaymentDesk.Approved([PaymentDesk.Member("head", 1968, Sex.Male), PaymentDesk.Member("spouse", 1969, Sex.Female)]);
        await _desk.PaymentsOf(approved);
        using var granted = await PaymentDesk.Post(_desk.Officer(), $"/api/payments/entitlements/{approved.CaseId}/housing-certificate",
            new { declaredPriceKzt = 4_000_000m, appraisedValueKzt = 3_600_000m }, 1);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var certificate = await Eventually.Get(async () =>
        {
            var page = await _desk.Admin.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={approved.CaseId}&benefit=housing-certificate");
            return page.GetProperty("items").GetArrayLength() == 1 ? (object?)PaymentDesk.Id(page.GetProperty("items")[0]) : null;
        }, "the certificate's payment");
        await _desk.RecordAccount(approved.HouseholdId);
        await _desk.Verified((Guid)certificate, line);
        return (Guid)certificate;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> Bulk(HttpClient client, string path, object[] items)
    {
        using var response = await client.PostAsJsonAsync($"/api/payments/{path}", new { items });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>"accepted:approved", "refused:approval.four-eyes" … in the order of the request.</summary>
    private static List<string> Outcomes(JsonElement body) =>
        [.. body.GetProperty("results").EnumerateArray().Select(r => $"{Text(r, "outcome")}:{(Text(r, "outcome") == "accepted" ? Text(r, "status") : Text(r, "code"))}")];

    private static string? Text(JsonElement e, string property) => e.GetProperty(property).GetString();
}
