using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;
using Published = Migration.Contracts.Registry;

namespace Migration.Registry.Tests;

/// <summary>Households and persons against the real registry: IIN checks, one household per person, changes, masking.</summary>
[Collection(RegistryRun.Name)]
public sealed class HouseholdTests(RegistryFixture registry)
{
    private static readonly DateOnly Father = new(1975, 4, 12);
    private static readonly DateOnly Mother = new(1978, 9, 30);
    private static readonly DateOnly Son = new(2003, 1, 5);
    private readonly HttpClient _clerk = registry.Client("registry-clerk");

    [Fact]
    public async Task A_household_is_registered_and_found_by_id_by_any_member_and_by_settlement()
    {
        var kato = await CertifiedSettlement();
        var son = People.Member("child", Son, Sex.Male, "student", null);

        var (created, body) = await Register(kato, People.Member("head", Father, Sex.Male), People.Member("spouse", Mother, Sex.Female), son);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(3, body.GetProperty("size").GetInt32());
        using var auditor = registry.Client("auditor");
        var byMember = await auditor.GetFromJsonAsync<JsonElement>($"/api/registry/households/by-member/{Iin(son)}");
        Assert.Equal(id, byMember.GetProperty("id").GetGuid());
        var ofSettlement = await auditor.GetFromJsonAsync<JsonElement>($"/api/registry/settlements/{kato}/households");
        Assert.Contains(ofSettlement.GetProperty("items").EnumerateArray(), h => h.GetProperty("id").GetGuid() == id);

        var published = await Eventually.Get(() => Task.FromResult(registry.Published.OfType<Published.HouseholdRegistered>().FirstOrDefault(e => e.HouseholdId == id)),
            "the HouseholdRegistered event");
        Assert.Equal(kato, published.SettlementKato);
        Assert.Equal(3, published.Members.Count);
        Assert.Contains(published.Members, m => m.Relationship == "child" && m.Employment == "student");
    }

    [Fact]
    public async Task The_iin_must_be_valid_and_agree_with_the_birth_date_and_sex()
    {
        var kato = await CertifiedSettlement();
        var head = (JsonElement)JsonSerializer.SerializeToElement(People.Member("head", Father, Sex.Male));
        var iin = head.GetProperty("iin").GetString()!;
        var wrongCheckDigit = iin[..11] + (char)('0' + (iin[11] - '0' + 1) % 10);

        var (badDigit, badDigitBody) = await Register(kato, With(head, "iin", wrongCheckDigit));
        var (badDate, badDateBody) = await Register(kato, With(head, "birthDate", "1975-04-13"));
        var (badSex, badSexBody) = await Register(kato, With(head, "sex", "female"));
        var (neverIssued, neverIssuedBody) = await Register(kato, With(head, "iin", "850315302600"));

        Assert.Equal(HttpStatusCode.BadRequest, badDigit.StatusCode);
        Assert.Contains(("members[0].iin", "iin.check-digit"), Errors(badDigitBody));
        Assert.Contains(("members[0].birthDate", "iin.birth-date-mismatch"), Errors(badDateBody));
        Assert.Contains(("members[0].sex", "iin.sex-mismatch"), Errors(badSexBody));
        Assert.Contains(("members[0].iin", "iin.never-issued"), Errors(neverIssuedBody));
    }

    [Fact]
    public async Task A_household_has_exactly_one_head_and_no_iin_twice()
    {
        var kato = await CertifiedSettlement();
        var head = People.Member("head", Father, Sex.Male);

        var (_, noHead) = await Register(kato, People.Member("spouse", Mother, Sex.Female));
        var (_, twice) = await Register(kato, head, head);
        var (_, notCertified) = await Register(RealSettlements.NextCode(), People.Member("head", Father, Sex.Male));

        Assert.Contains(("members", "household.one-head"), Errors(noHead));
        Assert.Contains(("members", "household.duplicate-iin"), Errors(twice));
        Assert.Contains(("settlementKato", "settlement.not-certified"), Errors(notCertified));
    }

    [Fact]
    public async Task A_person_already_in_a_household_cannot_be_registered_in_another()
    {
        var kato = await CertifiedSettlement();
        var mother = People.Member("spouse", Mother, Sex.Female);
        var (_, first) = await Register(kato, People.Member("head", Father, Sex.Male), mother);

        var (second, _) = await Register(kato, People.Member("head", new DateOnly(1950, 2, 2), Sex.Male), With(JsonSerializer.SerializeToElement(mother), "relationship", "child"));

        var problem = await second.AssertProblem(HttpStatusCode.Conflict, "person.in-another-household");
        Assert.Contains(first.GetProperty("id").GetString()!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Iin(mother), problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_registrations_of_the_same_person_leave_exactly_one_household()
    {
        var kato = await CertifiedSettlement();
        var shared = JsonSerializer.SerializeToElement(People.Member("child", Son, Sex.Male, "student", null));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var (response, _) = await Register(kato, People.Member("head", new DateOnly(1960 + i, 3, 3), Sex.Male), shared);
            return response.StatusCode;
        }));

        Assert.Equal(1, outcomes.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(11, outcomes.Count(s => s == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Members_join_and_leave_and_the_head_changes_each_with_the_current_version()
    {
        var kato = await CertifiedSettlement();
        var spouse = People.Member("spouse", Mother, Sex.Female);
        var (created, body) = await Register(kato, People.Member("head", Father, Sex.Male), spouse);
        var id = body.GetProperty("id").GetGuid();
        var grandmother = People.Member("grandparent", new DateOnly(1940, 6, 6), Sex.Female, "pensioner", null);

        using var added = await Send(HttpMethod.Post, $"/api/registry/households/{id}/members", grandmother, created.Headers.ETag!.Tag);
        using var stale = await Send(HttpMethod.Put, $"/api/registry/households/{id}/head", new { iin = Iin(spouse) }, created.Headers.ETag!.Tag);
        using var headChanged = await Send(HttpMethod.Put, $"/api/registry/households/{id}/head", new { iin = Iin(spouse) }, added.Headers.ETag!.Tag);
        var formerHead = (await headChanged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("relationship").GetString() == "other").GetProperty("iin").GetString();
        using var headLeaves = await Send(HttpMethod.Delete, $"/api/registry/households/{id}/members/{Iin(spouse)}", null, headChanged.Headers.ETag!.Tag);
        using var left = await Send(HttpMethod.Delete, $"/api/registry/households/{id}/members/{formerHead}?reason=moved%20to%20the%20city", null, headChanged.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(3, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("size").GetInt32());
        await stale.AssertProblem(HttpStatusCode.PreconditionFailed, "concurrency.version-mismatch");
        Assert.Equal(HttpStatusCode.OK, headChanged.StatusCode);
        await headLeaves.AssertProblem(HttpStatusCode.Conflict, "household.head-cannot-leave");
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal("\"4\"", left.Headers.ETag?.Tag);

        // Once they left, the former head may be registered elsewhere.
        var again = JsonSerializer.SerializeToElement(People.Member("head", Father, Sex.Male));
        var (elsewhere, _) = await Register(kato, With(again, "iin", formerHead!));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);

        var changes = await Eventually.Get(async () =>
        {
            await Task.Yield();
            var seen = registry.Published.OfType<Published.HouseholdMembershipChanged>().Where(e => e.HouseholdId == id).OrderBy(e => e.Version).ToList();
            return seen.Count == 3 ? seen : null;
        }, "three membership changes");
        Assert.Equal(["member-added", "head-changed", "member-removed"], changes.Select(c => c.Change));
        Assert.Equal(2, changes[^1].Members.Count);
    }

    [Fact]
    public async Task Roles_that_do_not_need_personal_data_see_it_masked()
    {
        var kato = await CertifiedSettlement();
        var head = People.Member("head", Father, Sex.Male);
        var (_, body) = await Register(kato, head);
        var id = body.GetProperty("id").GetGuid();

        using var officer = registry.Client("housing-officer");
        var masked = await officer.GetFromJsonAsync<JsonElement>($"/api/registry/households/{id}");
        var caseworker = await registry.Client("caseworker").GetFromJsonAsync<JsonElement>($"/api/registry/households/{id}");

        Assert.True(masked.GetProperty("personalDataMasked").GetBoolean());
        var maskedHead = masked.GetProperty("members")[0];
        Assert.Equal(Migration.Identifiers.Iin.Parse(Iin(head)).Masked, maskedHead.GetProperty("iin").GetString());
        Assert.Equal("А.", maskedHead.GetProperty("lastName").GetString());
        Assert.Equal(JsonValueKind.Null, maskedHead.GetProperty("birthDate").ValueKind);
        Assert.Equal(Iin(head), caseworker.GetProperty("members")[0].GetProperty("iin").GetString());
    }

    [Fact]
    public async Task A_household_moves_to_another_certified_settlement()
    {
        var origin = await CertifiedSettlement();
        var destination = await CertifiedSettlement();
        var (created, body) = await Register(origin, People.Member("head", Father, Sex.Male));
        var id = body.GetProperty("id").GetGuid();
        var caseId = Guid.NewGuid();

        using var moved = await Send(HttpMethod.Post, $"/api/registry/households/{id}/move", new { toKato = destination, arrivedOn = "2005-05-01", caseId }, created.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(destination, (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("settlementKato").GetString());
        var published = await Eventually.Get(() => Task.FromResult(registry.Published.OfType<Published.HouseholdMoved>().FirstOrDefault(e => e.HouseholdId == id)),
            "the HouseholdMoved event");
        Assert.Equal((origin, destination, caseId), (published.FromKato, published.ToKato, published.CaseId!.Value));
    }

    [Fact]
    public async Task A_confirmed_relocation_moves_the_household_once_however_often_it_is_delivered()
    {
        var origin = await CertifiedSettlement();
        var destination = await CertifiedSettlement();
        var (_, body) = await Register(origin, People.Member("head", Father, Sex.Male));
        var id = body.GetProperty("id").GetGuid();
        var confirmed = new Migration.Contracts.RelocationCase.MoveConfirmed(Guid.NewGuid(), id, origin, destination, new DateOnly(2005, 6, 1), DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await registry.Publish(confirmed, messageId);
        await registry.Publish(confirmed, messageId);

        using var auditor = registry.Client("auditor");
        await Eventually.True(async () => (await auditor.GetFromJsonAsync<JsonElement>($"/api/registry/households/{id}")).GetProperty("settlementKato").GetString() == destination,
            "the household at its destination");
        await Eventually.True(() => registry.Published.OfType<Published.HouseholdMoved>().Any(e => e.HouseholdId == id), "the HouseholdMoved event");
        await Eventually.True(async () => await registry.Isolation.QueueDepth("registry-move-confirmed") == 0, "both deliveries handled");
        using var read = await auditor.GetAsync($"/api/registry/households/{id}");
        Assert.Equal("\"2\"", read.Headers.ETag?.Tag);
    }

    private async Task<string> CertifiedSettlement()
    {
        var kato = RealSettlements.NextCode("27");
        using var response = await _clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, potentialClass = "low" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return kato;
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body)> Register(string kato, params object[] members)
    {
        var response = await _clerk.PostAsJsonAsync("/api/registry/households", new { settlementKato = kato, members, contact = new { phone = "+7 701 000 00 00" } });
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body, string etag)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return await _clerk.SendAsync(request);
    }

    private static string Iin(object member) => JsonSerializer.SerializeToElement(member).GetProperty("iin").GetString()!;

    private static Dictionary<string, object?> With(JsonElement member, string field, string value)
    {
        var copy = JsonSerializer.Deserialize<Dictionary<string, object?>>(member.GetRawText())!;
        copy[field] = value;
        return copy;
    }

    private static List<(string?, string?)> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
}
