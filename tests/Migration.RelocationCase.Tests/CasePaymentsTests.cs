using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Contracts.SubsidyPayment;
using static Migration.RelocationCase.Tests.CaseArrangement;
using Published = Migration.Contracts.RelocationCase;

namespace Migration.RelocationCase.Tests;

/// <summary>
/// The case follows its payments as the payment service reports them (published here as that service would): in any
/// order, each once, beside the case so that its version stays; and it closes by itself once moved and settled.
/// </summary>
[Collection(RelocationCaseRun.Name)]
public sealed class CasePaymentsTests(RelocationCaseFixture service)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-1);

    [Fact]
    public async Task Payments_reported_in_any_order_give_the_right_totals_and_a_duplicate_counts_once()
    {
        var (id, household, _) = await service.Approved("27", "cw-pay-order");
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), budget = Guid.NewGuid();
        var paidA = new PaymentPaid(a, id, household, "relocation-subsidy", 144_200m, DateOnly.FromDateTime(T0.UtcDateTime), "st-1", T0.AddMinutes(30));
        var paidAId = Guid.NewGuid();

        // Newest first, mostly: every report arrives after the ones that came later in the workflow.
        await Report(paidA, paidAId);
        await Report(paidA, paidAId); // the same message delivered twice
        await Report(paidA); // the same report under another message id
        await Report(new PaymentReturned(b, id, household, 50_000m, "AC04", "Closed account", "st-1", T0.AddMinutes(31)));
        await Report(new PaymentCancelled(c, id, household, 30_000m, "Duplicate line", T0.AddMinutes(20)));
        await Report(new PaymentBatched(a, id, Guid.NewGuid(), "E2E-1", T0.AddMinutes(20)));
        await Report(new PaymentApproved(a, id, household, "relocation-subsidy", null, 144_200m, budget, 1, T0.AddMinutes(10)));
        await Report(new PaymentApproved(b, id, household, "moving-costs", 2, 50_000m, budget, 1, T0.AddMinutes(10)));
        await Report(new PaymentVerified(c, id, household, "lifting-allowance", null, 30_000m, budget, T0.AddMinutes(5)));
        await Report(new PaymentVerified(a, id, household, "relocation-subsidy", null, 144_200m, budget, T0));
        await Report(new EntitlementCalculated(id, household, DateOnly.FromDateTime(T0.UtcDateTime), 3_932m, 2, 224_200m, [], 0, T0));

        var payments = (await Case(id)).GetProperty("payments");
        Assert.Equal(224_200m, payments.GetProperty("entitledKzt").GetDecimal());
        Assert.Equal((144_200m, 1), Bucket(payments, "paid"));
        Assert.Equal((50_000m, 1), Bucket(payments, "returned"));
        Assert.Equal((30_000m, 1), Bucket(payments, "cancelled"));
        Assert.Equal((0m, 0), Bucket(payments, "approved"));
        Assert.Equal((0m, 0), Bucket(payments, "verified"));
        Assert.False(payments.GetProperty("settled").GetBoolean());
        var items = payments.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("paymentId").GetGuid());
        Assert.Equal(3, items.Count);
        Assert.Equal(("paid", "relocation-subsidy"), (items[a].GetProperty("status").GetString(), items[a].GetProperty("benefit").GetString()));
        Assert.Equal(("returned", "moving-costs", 2), (items[b].GetProperty("status").GetString(), items[b].GetProperty("benefit").GetString(), items[b].GetProperty("instalment").GetInt32()));
        Assert.Equal(T0.AddMinutes(31), items[b].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Payment_reports_leave_the_case_version_alone_so_the_caseworkers_etag_still_holds()
    {
        var (id, household, etag) = await service.Approved("27", "cw-pay-etag");
        var payment = Guid.NewGuid();

        await Report(new EntitlementCalculated(id, household, DateOnly.FromDateTime(T0.UtcDateTime), 3_932m, 2, 144_200m, [], 0, T0));
        await Report(new PaymentVerified(payment, id, household, "relocation-subsidy", null, 144_200m, Guid.NewGuid(), T0.AddMinutes(1)));
        await Report(new PaymentApproved(payment, id, household, "relocation-subsidy", null, 144_200m, Guid.NewGuid(), 1, T0.AddMinutes(2)));
        await Report(new CasePaymentsSettled(id, household, 1, 0m, T0.AddMinutes(1)));

        using var caseworker = service.Client("caseworker", "11", "cw-pay-etag");
        using var read = await caseworker.GetAsync($"/api/cases/{id}");
        Assert.Equal(etag, read.Headers.ETag!.Tag);
        var payments = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payments");
        Assert.Equal((144_200m, 1), Bucket(payments, "approved"));
        Assert.False(payments.GetProperty("settled").GetBoolean()); // the approval came after the settlement the service sent
        var (noted, _) = await Step(caseworker, id, "notes", new { text = "Asked the family about their bank account." }, etag);
        Assert.Equal("approved", noted.GetProperty("status").GetString());

        var timeline = (await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline")).EnumerateArray().ToList();
        var reported = timeline.Where(e => e.GetProperty("by").GetString() == "subsidy-payment").ToList();
        Assert.Equal(["entitlement-calculated", "payment-verified", "case-payments-settled", "payment-approved"], reported.Select(e => e.GetProperty("what").GetString()));
        Assert.All(reported, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("version").ValueKind));
        Assert.Equal("note-added", timeline[^1].GetProperty("what").GetString());
    }

    [Fact]
    public async Task A_moved_case_closes_by_itself_when_its_payments_settle()
    {
        var (id, household, etag) = await service.Approved("27", "cw-pay-move-first");
        var payment = Guid.NewGuid();
        await Report(new PaymentApproved(payment, id, household, "relocation-subsidy", null, 144_200m, Guid.NewGuid(), 1, T0));
        using var caseworker = service.Client("caseworker", "11", "cw-pay-move-first");

        var (moved, _) = await Step(caseworker, id, "move-confirmation", new { arrivedOn = Today() }, etag);
        Assert.Equal("moved", moved.GetProperty("status").GetString());
        // A settlement older than a payment still under way settles nothing.
        await Report(new PaymentVerified(Guid.NewGuid(), id, household, "lifting-allowance", null, 10_000m, Guid.NewGuid(), T0.AddMinutes(5)));
        await Report(new CasePaymentsSettled(id, household, 1, 0m, T0.AddMinutes(1)));
        Assert.Equal("moved", (await Case(id)).GetProperty("status").GetString());

        await Report(new PaymentPaid(payment, id, household, "relocation-subsidy", 144_200m, DateOnly.FromDateTime(T0.UtcDateTime), "st-2", T0.AddMinutes(10)));
        await Report(new CasePaymentsSettled(id, household, 2, 144_200m, T0.AddMinutes(11)));

        var closed = await Case(id);
        Assert.Equal(("closed", "relocated"), (closed.GetProperty("status").GetString(), closed.GetProperty("endReason").GetString()));
        Assert.True(closed.GetProperty("payments").GetProperty("settled").GetBoolean());
        await AssertClosedBySystem(caseworker, id);
    }

    [Fact]
    public async Task A_case_whose_payments_are_settled_closes_with_the_move_confirmation()
    {
        var (id, household, etag) = await service.Approved("27", "cw-pay-settled-first");
        await Report(new PaymentPaid(Guid.NewGuid(), id, household, "relocation-subsidy", 144_200m, DateOnly.FromDateTime(T0.UtcDateTime), "st-3", T0));
        await Report(new CasePaymentsSettled(id, household, 1, 144_200m, T0.AddMinutes(1)));
        Assert.Equal("approved", (await Case(id)).GetProperty("status").GetString());
        using var caseworker = service.Client("caseworker", "11", "cw-pay-settled-first");

        var (closed, _) = await Step(caseworker, id, "move-confirmation", new { arrivedOn = Today() }, etag);

        Assert.Equal(("closed", "relocated"), (closed.GetProperty("status").GetString(), closed.GetProperty("endReason").GetString()));
        await Eventually.True(() => service.Published.OfType<Published.MoveConfirmed>().Any(e => e.CaseId == id), "MoveConfirmed");
        await AssertClosedBySystem(caseworker, id);
    }

    [Fact]
    public async Task A_withdrawn_case_follows_its_cancelled_payments_and_is_not_touched()
    {
        var (id, household, etag) = await service.Approved("27", "cw-pay-withdrawn");
        using var caseworker = service.Client("caseworker", "11", "cw-pay-withdrawn");
        var (_, withdrawnETag) = await Step(caseworker, id, "withdrawal", new { reason = "The family decided to stay." }, etag);

        await Report(new PaymentCancelled(Guid.NewGuid(), id, household, 144_200m, "Case withdrawn", T0));
        await Report(new CasePaymentsSettled(id, household, 1, 0m, T0.AddMinutes(1)));

        using var read = await caseworker.GetAsync($"/api/cases/{id}");
        var shown = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("withdrawn", withdrawnETag), (shown.GetProperty("status").GetString(), read.Headers.ETag!.Tag));
        Assert.Equal((144_200m, 1), Bucket(shown.GetProperty("payments"), "cancelled"));
        Assert.True(shown.GetProperty("payments").GetProperty("settled").GetBoolean());
        Assert.DoesNotContain(service.Published.OfType<Published.CaseClosed>(), e => e.CaseId == id);
    }

    [Fact]
    public async Task Supervisors_list_cases_by_whether_their_payments_are_settled()
    {
        var (settled, household, _) = await service.Approved("27", "cw-pay-list");
        var (unsettled, other, _) = await service.Approved("27", "cw-pay-list");
        _ = await service.Approved("27", "cw-pay-list"); // nothing reported: in neither list
        await Report(new CasePaymentsSettled(settled, household, 0, 0m, T0));
        await Report(new PaymentVerified(Guid.NewGuid(), unsettled, other, "relocation-subsidy", null, 144_200m, Guid.NewGuid(), T0));
        using var supervisor = service.Client("case-supervisor", "11", "sup-pay-list");

        Assert.Equal([settled], await Listed(supervisor, "settled"));
        Assert.Equal([unsettled], await Listed(supervisor, "unsettled"));
        using var wrong = await supervisor.GetAsync("/api/cases?paymentStatus=paid");
        var problem = await wrong.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains("payment-status.unknown", problem.ToString(), StringComparison.Ordinal);
    }

    // ---- the payment service's reports, and reading the case ----

    /// <summary>Publishes a report as the payment service would, and waits until the case service has handled it.</summary>
    private async Task Report<T>(T report, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await service.Publish(report, id);
        await Eventually.True(() => service.Handled(typeof(T).Name + "Consumer", id), $"{typeof(T).Name} handled");
    }

    private async Task<JsonElement> Case(Guid id)
    {
        using var reader = service.Client("auditor", "*", "auditor-payments");
        return await reader.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
    }

    private static (decimal Kzt, int Count) Bucket(JsonElement payments, string bucket) =>
        (payments.GetProperty(bucket + "Kzt").GetDecimal(), payments.GetProperty(bucket + "Count").GetInt32());

    private static string Today() => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<Guid>> Listed(HttpClient client, string paymentStatus) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/cases?caseworker=cw-pay-list&paymentStatus={paymentStatus}"))
            .GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];

    private async Task AssertClosedBySystem(HttpClient caseworker, Guid id)
    {
        var timeline = await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline");
        var closure = timeline.EnumerateArray().Single(e => e.GetProperty("what").GetString() == "case-closed");
        Assert.Equal("system", closure.GetProperty("by").GetString());
        Assert.Equal("payments-settled", closure.GetProperty("details").GetProperty("trigger").GetString());
        var published = await Eventually.Get(() => Task.FromResult(service.Published.OfType<Published.CaseClosed>().FirstOrDefault(e => e.CaseId == id)), "CaseClosed");
        Assert.Equal("relocated", published.Outcome);
    }
}
