using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using CaseContracts = Migration.Contracts.RelocationCase;
using PaymentContracts = Migration.Contracts.SubsidyPayment;

namespace Migration.SubsidyPayment.Tests.Payments;

/// <summary>Verification and approval through the running service: four eyes, personal limits, two approvers, re-checks.</summary>
[Collection(SubsidyPaymentRun.Name)]
public sealed class ApprovalTests(SubsidyPaymentFixture service)
{
    private readonly PaymentDesk _desk = new(service);

    [Fact]
    public async Task The_verifier_cannot_approve_and_an_approver_needs_a_limit_that_covers_the_amount()
    {
        var approved = PaymentDesk.Approved([PaymentDesk.Member("head", 1979, Sex.Male)]);
        var subsidy = PaymentDesk.OfBenefit(await _desk.PaymentsOf(approved), "relocation-subsidy");
        var id = PaymentDesk.Id(subsidy);
        var line = await _desk.BudgetLine(10_000_000m);
        await _desk.RecordAccount(approved.HouseholdId);
        await _desk.Verified(id, line, by: "aigerim");
        await _desk.SetLimit("aigerim", 1_000_000m);
        await _desk.SetLimit("bolat", 50_000m);

        using var ownApproval = await _desk.Step(_desk.Senior("aigerim"), id, "approval");
        using var overLimit = await _desk.Step(_desk.Senior("bolat"), id, "approval");
        using var noLimit = await _desk.Step(_desk.Senior("nobody"), id, "approval");
        using var byOfficer = await _desk.Step(_desk.Officer("daniyar"), id, "approval");
        await _desk.SetLimit("bolat", 100_000m);
        var approval = await _desk.Approved(id, "bolat");

        await ownApproval.AssertProblem(HttpStatusCode.Forbidden, "approval.four-eyes");
        await overLimit.AssertProblem(HttpStatusCode.Forbidden, "approval.over-limit");
        await noLimit.AssertProblem(HttpStatusCode.Forbidden, "approval.no-limit");
        await byOfficer.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Equal(72_100m, subsidy.GetProperty("amountKzt").GetDecimal());   // 70 MCI × 1,030 KZT (2006)
        Assert.Equal("approved", PaymentDesk.Status(approval));
        Assert.Equal(["bolat"], approval.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("by").GetString()));
        var budget = await _desk.Line(line);
        Assert.Equal((72_100m, 10_000_000m - 72_100m), (budget.GetProperty("committedKzt").GetDecimal(), budget.GetProperty("availableKzt").GetDecimal()));
        await Eventually.True(() => service.Published.OfType<PaymentContracts.PaymentApproved>().Any(p => p.PaymentId == id && p.Approvals == 1), "PaymentApproved");
        await Eventually.True(() => service.Published.OfType<PaymentContracts.BudgetCommitted>().Any(b => b.PaymentId == id && b.AvailableKzt == 10_000_000m - 72_100m),
            "BudgetCommitted");
    }

    [Fact]
    public async Task A_payment_above_the_threshold_needs_two_different_approvers()
    {
        var approved = PaymentDesk.Approved([PaymentDesk.Member("head", 1980, Sex.Male), PaymentDesk.Member("spouse", 1982, Sex.Female)]);
        await _desk.PaymentsOf(approved);
        using var certificate = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/entitlements/{approved.CaseId}/housing-certificate")
        {
            Content = JsonContent.Create(new { declaredPriceKzt = 4_000_000m, appraisedValueKzt = 3_600_000m }),
        };
        certificate.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        using var granted = await _desk.Officer().SendAsync(certificate);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var payments = await Eventually.Get(async () =>
        {
            var page = await _desk.Admin.GetFromJsonAsync<JsonElement>($"/api/payments?caseId={approved.CaseId}&benefit=housing-certificate");
            return page.GetProperty("items").GetArrayLength() == 1 ? (object?)page.GetProperty("items")[0].Clone() : null;
        }, "the certificate's payment");
        var id = PaymentDesk.Id((JsonElement)payments);
        var budget = await _desk.BudgetLine(10_000_000m);
        await _desk.RecordAccount(approved.HouseholdId);
        await _desk.Verified(id, budget);
        await _desk.SetLimit("erlan", 5_000_000m);
        await _desk.SetLimit("gulnara", 5_000_000m);

        var first = await _desk.Approved(id, "erlan");
        var committedAfterFirst = (await _desk.Line(budget)).GetProperty("committedKzt").GetDecimal();
        using var again = await _desk.Step(_desk.Senior("erlan"), id, "approval");
        var second = await _desk.Approved(id, "gulnara");

        var entitlement = await _desk.Admin.GetFromJsonAsync<JsonElement>($"/api/payments/entitlements/{approved.CaseId}");
        var line = entitlement.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("benefit").GetString() == "housing-certificate");
        Assert.StartsWith("min(50% × min(declared 4,000,000, appraised 3,600,000) KZT", line.GetProperty("formula").GetString());
        var amount = line.GetProperty("amountKzt").GetDecimal();   // 1.8 million, less what the household cap takes
        Assert.Equal(1_800_000m - line.GetProperty("capReductionKzt").GetDecimal(), amount);
        Assert.True(amount > 1_000_000m);
        Assert.Equal(amount, first.GetProperty("amountKzt").GetDecimal());
        Assert.Equal("awaiting-second-approval", PaymentDesk.Status(first));
        Assert.Equal(0m, committedAfterFirst);
        await again.AssertProblem(HttpStatusCode.Forbidden, "approval.four-eyes");
        Assert.Equal("approved", PaymentDesk.Status(second));
        Assert.Equal(["erlan", "gulnara"], second.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("by").GetString()));
        Assert.Equal(amount, (await _desk.Line(budget)).GetProperty("committedKzt").GetDecimal());
    }

    [Fact]
    public async Task An_approver_sends_a_wrong_amount_back_and_approves_the_corrected_payment()
    {
        var approved = PaymentDesk.Approved([PaymentDesk.Member("head", 1970, Sex.Female)]);
        var id = PaymentDesk.Id(PaymentDesk.OfBenefit(await _desk.PaymentsOf(approved), "relocation-subsidy"));
        var line = await _desk.BudgetLine(1_000_000m);
        await _desk.RecordAccount(approved.HouseholdId);
        await _desk.Verified(id, line);
        await _desk.SetLimit("farida", 1_000_000m);

        using var noReason = await _desk.Step(_desk.Senior("farida"), id, "send-back", new { reason = " " });
        using var sentBack = await _desk.Step(_desk.Senior("farida"), id, "send-back", new { reason = "the head's subsidy is 70 MCI, not 72" });
        using var approvingSentBack = await _desk.Step(_desk.Senior("farida"), id, "approval");
        using var corrected = await _desk.Step(_desk.Officer(), id, "correction", new { amountKzt = 70_000m, reason = "as agreed with the supervisor" });
        await _desk.Verified(id, line);
        var approval = await _desk.Approved(id, "farida");

        await noReason.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        Assert.Equal("calculated", PaymentDesk.Status(await sentBack.Content.ReadFromJsonAsync<JsonElement>()));
        await approvingSentBack.AssertProblem(HttpStatusCode.Conflict, "payment.wrong-status");
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(70_000m, approval.GetProperty("amountKzt").GetDecimal());
        Assert.Equal(72_100m, approval.GetProperty("calculatedKzt").GetDecimal());
        Assert.Equal(["calculated", "verified", "sent-back", "corrected", "verified", "approved"],
            approval.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
    }

    [Fact]
    public async Task Travel_reimbursement_waits_for_the_confirmed_move()
    {
        var approved = PaymentDesk.Approved([PaymentDesk.Member("head", 1975, Sex.Male)]);
        var travel = PaymentDesk.OfBenefit(await _desk.PaymentsOf(approved), "travel-reimbursement");
        var id = PaymentDesk.Id(travel);
        var line = await _desk.BudgetLine(1_000_000m);
        await _desk.RecordAccount(approved.HouseholdId);
        await _desk.Verified(id, line);
        await _desk.SetLimit("galym", 1_000_000m);

        using var early = await _desk.Step(_desk.Senior("galym"), id, "approval");
        await service.Publish(new CaseContracts.MoveConfirmed(approved.CaseId, approved.HouseholdId, approved.OriginKato, approved.DestinationKato,
            new DateOnly(2006, 4, 1), DateTimeOffset.UtcNow));
        var approval = await Eventually.Get(async () =>
        {
            using var response = await _desk.Step(_desk.Senior("galym"), id, "approval");
            return response.IsSuccessStatusCode ? (object?)await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }, "approval after the move");

        Assert.True(travel.GetProperty("awaitsMove").GetBoolean());
        await early.AssertProblem(HttpStatusCode.Conflict, "payment.awaits-move");
        Assert.Equal("approved", PaymentDesk.Status((JsonElement)approval));
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_stable_codes_and_change_nothing()
    {
        var approved = PaymentDesk.Approved([PaymentDesk.Member("head", 1969, Sex.Male)]);
        var id = PaymentDesk.Id(PaymentDesk.OfBenefit(await _desk.PaymentsOf(approved), "relocation-subsidy"));
        var line = await _desk.BudgetLine(1_000_000m);
        var elsewhere = await _desk.BudgetLine(1_000_000m, oblast: "35");

        using var noAccount = await _desk.Step(_desk.Officer(), id, "verification", new { budgetLineId = line });
        using var badIban = await _desk.Officer().PutAsJsonAsync($"/api/payments/households/{approved.HouseholdId}/account", new { iban = "KZ00125KZT5004100100", holderName = "A" });
        using var unknownBank = await _desk.Officer().PutAsJsonAsync($"/api/payments/households/{approved.HouseholdId}/account",
            new { iban = Iban.Create("999", "0000000000001").Value, holderName = "A" });
        await _desk.RecordAccount(approved.HouseholdId);
        using var noLine = await _desk.Step(_desk.Officer(), id, "verification", new { });
        using var wrongOblast = await _desk.Step(_desk.Officer(), id, "verification", new { budgetLineId = elsewhere });
        using var missingLine = await _desk.Step(_desk.Officer(), id, "verification", new { budgetLineId = Guid.NewGuid() });
        using var noVersion = await _desk.Officer().PostAsJsonAsync($"/api/payments/{id}/verification", new { budgetLineId = line });
        using var outOfScope = await _desk.Step(_desk.Officer(oblast: "35"), id, "verification", new { budgetLineId = line });
        using var duplicateLine = await _desk.Admin.PostAsJsonAsync("/api/payments/budgets",
            new { fiscalYear = (await _desk.Line(line)).GetProperty("fiscalYear").GetInt32(), source = "republican", oblast = "43", allocatedKzt = 1m, reference = "again" });
        using var badLine = await _desk.Admin.PostAsJsonAsync("/api/payments/budgets", new { fiscalYear = 1999, source = "lottery", oblast = "99", allocatedKzt = -1m, reference = "" });

        await noAccount.AssertProblem(HttpStatusCode.Conflict, "payment.no-account");
        await badIban.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        await unknownBank.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        await noLine.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        await wrongOblast.AssertProblem(HttpStatusCode.Conflict, "payment.wrong-budget-oblast");
        await missingLine.AssertProblem(HttpStatusCode.NotFound, "budget.not-found");
        await noVersion.AssertProblem(HttpStatusCode.PreconditionRequired, "concurrency.if-match-required");
        await outOfScope.AssertProblem(HttpStatusCode.NotFound, "payment.not-found");
        await duplicateLine.AssertProblem(HttpStatusCode.Conflict, "budget.line-exists");
        var problem = await badLine.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(5, problem.GetProperty("errors").GetArrayLength());
        Assert.Equal("calculated", PaymentDesk.Status(await _desk.Payment(id)));
    }
}
