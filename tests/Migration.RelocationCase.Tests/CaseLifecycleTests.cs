using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Registry = Migration.Contracts.Registry;
using Published = Migration.Contracts.RelocationCase;
using static Migration.RelocationCase.Tests.CaseArrangement;

namespace Migration.RelocationCase.Tests;

/// <summary>A relocation case through the real service: from opening to closure, and the ways it must refuse.</summary>
[Collection(RelocationCaseRun.Name)]
public sealed class CaseLifecycleTests(RelocationCaseFixture service)
{
    private static readonly int Year = DateTime.UtcNow.Year;

    [Fact]
    public async Task A_case_goes_from_opening_to_closure_and_its_timeline_says_who_did_what()
    {
        var (origin, destination) = await Settlements("11", "27", originClass: "low");
        var household = await Household(origin, "11");
        await Quota("27", 100);
        using var caseworker = service.Client("caseworker", "11", "cw-akmola");
        using var supervisor = service.Client("case-supervisor", "11", "sup-akmola");

        var (opened, etag) = await Open(caseworker, household);
        var id = opened.GetProperty("id").GetGuid();
        Assert.Equal("opened", opened.GetProperty("status").GetString());
        Assert.Equal("assess-eligibility", opened.GetProperty("task").GetProperty("name").GetString());

        var (assessed, etag2) = await Step(caseworker, id, "assessment", null, etag);
        Assert.Equal("eligible", assessed.GetProperty("status").GetString());
        Assert.All(assessed.GetProperty("eligibility").EnumerateArray(), r => Assert.True(r.GetProperty("met").GetBoolean()));
        var (chosen, etag3) = await Step(caseworker, id, "destination", new { destinationKato = destination, reason = "Work for both adults at the farm", recommendedRank = 1 }, etag2);
        Assert.Equal(destination, chosen.GetProperty("destinationKato").GetString());
        var (_, etag4) = await Step(caseworker, id, "submission", null, etag3);
        var (approved, etag5) = await Step(supervisor, id, "approval", null, etag4);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var (moved, etag6) = await Step(caseworker, id, "move-confirmation", new { arrivedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, etag5);
        Assert.Equal("moved", moved.GetProperty("status").GetString());
        var (closed, _) = await Step(caseworker, id, "closure", null, etag6);
        Assert.Equal("closed", closed.GetProperty("status").GetString());

        var timeline = await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline");
        var steps = timeline.EnumerateArray().Select(e => (e.GetProperty("what").GetString(), e.GetProperty("by").GetString())).ToList();
        Assert.Equal(
            [("case-opened", "cw-akmola"), ("eligibility-assessed", "cw-akmola"), ("destination-chosen", "cw-akmola"), ("case-submitted", "cw-akmola"),
             ("case-approved", "sup-akmola"), ("move-confirmed", "cw-akmola"), ("case-closed", "cw-akmola")],
            steps);

        var approvedEvent = await Eventually.Get(() => Task.FromResult(service.Published.OfType<Published.CaseApproved>().FirstOrDefault(e => e.CaseId == id)), "CaseApproved");
        Assert.Equal((household, destination, "27"), (approvedEvent.HouseholdId, approvedEvent.DestinationKato, approvedEvent.DestinationOblast));
        Assert.Equal(2, approvedEvent.Members.Count);
        await Eventually.True(() => service.Published.OfType<Published.MoveConfirmed>().Any(e => e.CaseId == id), "MoveConfirmed");
        await Eventually.True(() => service.Published.OfType<Published.CaseClosed>().Any(e => e.CaseId == id && e.Outcome == "relocated"), "CaseClosed");
    }

    [Fact]
    public async Task A_household_from_a_viable_settlement_is_ineligible_with_reasons_and_can_be_closed()
    {
        var (origin, _) = await Settlements("11", "27", originClass: "medium");
        var household = await Household(origin, "11");
        using var caseworker = service.Client("caseworker", "11", "cw-viable");

        var (_, etag) = await Open(caseworker, household);
        var id = (await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases?origin={origin}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var (assessed, etag2) = await Step(caseworker, id, "assessment", null, etag);
        var (closed, _) = await Step(caseworker, id, "ineligible-closure", new { reason = "The settlement is not of low potential." }, etag2);

        Assert.Equal("ineligible", assessed.GetProperty("status").GetString());
        Assert.Contains(assessed.GetProperty("eligibility").EnumerateArray(), r => r.GetProperty("code").GetString() == "origin.viable" && !r.GetProperty("met").GetBoolean());
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        // Its claims are released: the household may have a new case.
        var (reopened, _) = await Open(caseworker, household);
        Assert.Equal("opened", reopened.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_person_already_in_an_open_case_cannot_be_in_another()
    {
        var (origin, _) = await Settlements("11", "27", originClass: "low");
        var child = new Registry.HouseholdMember(People.NextIin(new DateOnly(2001, 1, 1), Sex.Female).Value, "Абенова", "Дана", null, new DateOnly(2001, 1, 1), "female", "child", "student", null, "none");
        var first = await Household(origin, "11", child);
        var second = await Household(origin, "11", child);
        using var caseworker = service.Client("caseworker", "11", "cw-two");

        var (firstCase, _) = await Open(caseworker, first);
        using var refused = await caseworker.PostAsJsonAsync("/api/cases", new { householdId = second });
        using var again = await caseworker.PostAsJsonAsync("/api/cases", new { householdId = first });

        var problem = await refused.AssertProblem(HttpStatusCode.Conflict, "case.person-in-open-case");
        Assert.Equal(firstCase.GetProperty("id").GetGuid(), problem.GetProperty("otherCase").GetGuid());
        await again.AssertProblem(HttpStatusCode.Conflict, "case.household-has-open-case");
    }

    [Fact]
    public async Task A_supervisor_cannot_approve_a_case_they_prepared()
    {
        await Quota("27", 100);
        var id = await Submitted("11", "27", "dual-role");
        using var samePerson = service.Client("case-supervisor", "11", "dual-role");
        using var other = service.Client("case-supervisor", "11", "sup-other");

        using var refused = await Send(samePerson, HttpMethod.Post, $"/api/cases/{id}/approval", null, await ETag(samePerson, id));
        using var approved = await Send(other, HttpMethod.Post, $"/api/cases/{id}/approval", null, await ETag(other, id));

        await refused.AssertProblem(HttpStatusCode.Forbidden, "case.four-eyes");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    [Fact]
    public async Task Concurrent_approvals_never_exceed_the_receiving_oblasts_quota()
    {
        await Quota("47", 3);
        var cases = new List<Guid>();
        for (var i = 0; i < 7; i++) cases.Add(await Submitted("11", "47", $"cw-race-{i}"));
        using var supervisor = service.Client("case-supervisor", "*", "sup-race");
        var etags = new Dictionary<Guid, string>();
        foreach (var id in cases) etags[id] = await ETag(supervisor, id);

        var outcomes = await Task.WhenAll(cases.Select(async id =>
        {
            using var response = await Send(supervisor, HttpMethod.Post, $"/api/cases/{id}/approval", null, etags[id]);
            return (response.StatusCode, Code: response.IsSuccessStatusCode ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }));

        Assert.Equal(3, outcomes.Count(o => o.StatusCode == HttpStatusCode.OK));
        Assert.All(outcomes.Where(o => o.StatusCode != HttpStatusCode.OK), o => Assert.Equal("quota.exhausted", o.Code));
        var quotas = await supervisor.GetFromJsonAsync<JsonElement>($"/api/cases/quotas?year={Year}");
        Assert.Equal(3, quotas.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("oblast").GetString() == "47").GetProperty("householdsApproved").GetInt32());
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_a_missing_one_is_required()
    {
        var (origin, _) = await Settlements("11", "27", originClass: "low");
        using var caseworker = service.Client("caseworker", "11", "cw-stale");
        var (_, etag) = await Open(caseworker, await Household(origin, "11"));
        var id = (await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases?origin={origin}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var (_, current) = await Step(caseworker, id, "notes", new { text = "Visited the family; they want to go in spring." }, etag);

        using var stale = await Send(caseworker, HttpMethod.Post, $"/api/cases/{id}/assessment", null, etag);
        using var missing = await caseworker.PostAsync($"/api/cases/{id}/assessment", null);
        using var fresh = await Send(caseworker, HttpMethod.Post, $"/api/cases/{id}/assessment", null, current);

        await stale.AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.version-mismatch");
        await missing.AssertProblem(HttpStatusCode.PreconditionRequired, "concurrency.if-match-required");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Withdrawal_after_approval_gives_the_quota_back_and_tells_the_other_services()
    {
        await Quota("59", 10);
        var id = await Submitted("11", "59", "cw-withdraw");
        using var supervisor = service.Client("case-supervisor", "11", "sup-withdraw");
        using var caseworker = service.Client("caseworker", "11", "cw-withdraw");
        using var approved = await Send(supervisor, HttpMethod.Post, $"/api/cases/{id}/approval", null, await ETag(supervisor, id));
        var used = await HouseholdsApproved(supervisor, "59");

        var (withdrawn, _) = await Step(caseworker, id, "withdrawal", new { reason = "The family decided to stay." }, approved.Headers.ETag!.Tag);

        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal(used - 1, await HouseholdsApproved(supervisor, "59"));
        var published = await Eventually.Get(() => Task.FromResult(service.Published.OfType<Published.CaseWithdrawn>().FirstOrDefault(e => e.CaseId == id)), "CaseWithdrawn");
        Assert.True(published.WasApproved);
    }

    [Fact]
    public async Task A_caseworker_of_another_oblast_does_not_see_the_case()
    {
        var (origin, _) = await Settlements("11", "27", originClass: "low");
        using var akmola = service.Client("caseworker", "11", "cw-own");
        using var kostanay = service.Client("caseworker", "39", "cw-foreign");
        using var auditor = service.Client("auditor", "*", "auditor-1");
        var (opened, _) = await Open(akmola, await Household(origin, "11"));
        var id = opened.GetProperty("id").GetGuid();

        using var foreign = await kostanay.GetAsync($"/api/cases/{id}");
        var foreignList = await kostanay.GetFromJsonAsync<JsonElement>($"/api/cases?origin={origin}");
        using var audited = await auditor.GetAsync($"/api/cases/{id}");

        await foreign.AssertProblem(HttpStatusCode.NotFound, "case.not-found");
        Assert.Empty(foreignList.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, audited.StatusCode);
    }

    [Fact]
    public async Task Confidential_notes_are_hidden_from_roles_that_may_not_read_them()
    {
        var (origin, _) = await Settlements("11", "27", originClass: "low");
        using var caseworker = service.Client("caseworker", "11", "cw-notes");
        var (opened, etag) = await Open(caseworker, await Household(origin, "11"));
        var id = opened.GetProperty("id").GetGuid();
        var (_, etag2) = await Step(caseworker, id, "notes", new { text = "Head of household is ill; medical post needed.", confidential = true }, etag);
        await Step(caseworker, id, "notes", new { text = "Family prefers a house to a flat." }, etag2);

        var asCaseworker = await caseworker.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        var asFinance = await service.Client("finance-officer", "*", "fin-1").GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

        Assert.Equal(2, asCaseworker.GetProperty("notes").GetArrayLength());
        Assert.Equal(["Family prefers a house to a flat."], asFinance.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task The_case_shows_its_housing_as_the_housing_service_reports_it_newest_report_winning()
    {
        var id = await ApprovedTo27("cw-housing", "sup-housing");
        var unit = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        await service.Publish(new Migration.Contracts.HousingAllocation.CaseWaitlisted(id, "271033400", 2, now.AddMinutes(-5)));
        await service.Publish(new Migration.Contracts.HousingAllocation.HousingReserved(id, unit, "271033400", 4, now.AddDays(60), now));
        using var reader = service.Client("caseworker", "11", "cw-housing");
        var shown = await Eventually.Get(async () =>
        {
            var c = JsonDocument.Parse(await reader.GetStringAsync($"/api/cases/{id}"));
            return c.RootElement.GetProperty("housing") is { ValueKind: JsonValueKind.Object } h && h.GetProperty("status").GetString() == "reserved" ? c : null;
        }, "the reservation on the case");
        var older = Guid.NewGuid();
        await service.Publish(new Migration.Contracts.HousingAllocation.CaseWaitlisted(id, "271033400", 1, now.AddMinutes(-1)), older);
        await Eventually.True(() => service.Handled("CaseWaitlistedConsumer", older), "the older report handled");

        Assert.Equal(unit, shown.RootElement.GetProperty("housing").GetProperty("unitId").GetGuid());
        var after = await reader.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        Assert.Equal("reserved", after.GetProperty("housing").GetProperty("status").GetString());
        var timeline = await reader.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/timeline");
        Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("what").GetString() == "housing-reported");
    }

    [Fact]
    public async Task The_housing_services_order_of_decisions_wins_over_their_clock()
    {
        var id = await ApprovedTo27("cw-order", "sup-order");
        var unit = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        using var reader = service.Client("caseworker", "11", "cw-order");

        // The release was decided after the reservation (version 3 after 2), in a transaction that began earlier.
        await service.Publish(new Migration.Contracts.HousingAllocation.HousingReserved(id, unit, "271033400", 4, now.AddDays(60), now, PlacementVersion: 2));
        await Eventually.True(async () => await Housing(reader, id) == "reserved", "the reservation on the case");
        await service.Publish(new Migration.Contracts.HousingAllocation.ReservationReleased(id, unit, "withdrawn", now.AddSeconds(-2), PlacementVersion: 3));
        await Eventually.True(async () => await Housing(reader, id) == "released", "the release on the case, though its time is earlier");

        var redelivered = Guid.NewGuid();
        await service.Publish(new Migration.Contracts.HousingAllocation.HousingReserved(id, unit, "271033400", 4, now.AddDays(60), now.AddSeconds(5), PlacementVersion: 2), redelivered);
        await Eventually.True(() => service.Handled("HousingReservedConsumer", redelivered), "the late reservation report handled");
        Assert.Equal("released", await Housing(reader, id));
    }

    /// <summary>A case of oblast 11 bound for oblast 27, submitted by <paramref name="caseworker"/> and approved by <paramref name="supervisor"/>.</summary>
    private async Task<Guid> ApprovedTo27(string caseworker, string supervisor)
    {
        await Quota("27", 100);
        var id = await Submitted("11", "27", caseworker);
        using var approver = service.Client("case-supervisor", "11", supervisor);
        using var approved = await Send(approver, HttpMethod.Post, $"/api/cases/{id}/approval", null, await ETag(approver, id));
        Assert.Equal(System.Net.HttpStatusCode.OK, approved.StatusCode);
        return id;
    }

    private static async Task<string?> Housing(HttpClient reader, Guid id) =>
        (await reader.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("housing") is { ValueKind: JsonValueKind.Object } housing
            ? housing.GetProperty("status").GetString()
            : null;

    [Fact]
    public async Task The_case_shows_the_support_the_payment_service_computed()
    {
        await Quota("27", 100);
        var id = await Submitted("11", "27", "cw-payments");
        using var supervisor = service.Client("case-supervisor", "11", "sup-payments");
        using var approved = await Send(supervisor, HttpMethod.Post, $"/api/cases/{id}/approval", null, await ETag(supervisor, id));
        var household = (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("householdId").GetGuid();

        await service.Publish(new Migration.Contracts.SubsidyPayment.EntitlementCalculated(id, household, new DateOnly(2006, 3, 1), 1_030m, 2,
            695_250m, [new("relocation-subsidy", 2, 144_200m)], 0, DateTimeOffset.UtcNow));

        using var reader = service.Client("caseworker", "11", "cw-payments");
        await Eventually.True(async () => (await reader.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("payments") is { ValueKind: JsonValueKind.Object } p
            && p.GetProperty("entitledKzt").GetDecimal() == 695_250m, "the entitlement on the case");
    }

    // ---- arranging the world the case service knows (see CaseArrangement) ----

    private Task<(string Origin, string Destination)> Settlements(string originOblast, string destinationOblast, string originClass) =>
        service.Settlements(originOblast, destinationOblast, originClass);

    private Task<Guid> Household(string kato, string oblast, params Registry.HouseholdMember[] extra) => service.Household(kato, oblast, extra);

    private Task Quota(string oblast, int households) => service.Quota(oblast, households);

    private Task<Guid> Submitted(string originOblast, string destinationOblast, string caseworkerId) => service.Submitted(originOblast, destinationOblast, caseworkerId);
}
