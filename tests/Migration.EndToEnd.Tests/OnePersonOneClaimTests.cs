using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Identifiers;

namespace Migration.EndToEnd.Tests;

/// <summary>
/// What went wrong in real programs: one family registered twice by two clerks, and one person claimed by two cases
/// after the family split. Through the gateway, the registry keeps one household per person and the case service one
/// open case per person, and each refusal names the rule.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class OnePersonOneClaimTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task A_household_registered_twice_is_refused_and_the_first_stays_the_only_one()
    {
        using var clerk = await _system.Client("registry-clerk");
        using var caseworker = await _system.Client("caseworker");
        var head = People.Member("head", new DateOnly(1971, 2, 14), Sex.Male);
        var spouse = People.Member("spouse", new DateOnly(1974, 8, 30), Sex.Female);
        var (household, _) = await CaseJourney.HouseholdToMove(clerk, "43", "medium", head, spouse);

        // A second clerk finds the same family on paper in another village of the district and registers it again.
        var elsewhere = RealSettlements.NextCode("59");
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = elsewhere, potentialClass = "low" })).StatusCode);
        using var again = await clerk.PostAsJsonAsync("/api/registry/households", new { settlementKato = elsewhere, members = new[] { spouse, head } });
        var problem = await again.AssertProblem(HttpStatusCode.Conflict, "person.in-another-household");
        Assert.Equal([household], problem.GetProperty("households").EnumerateArray().Select(h => h.GetGuid()));

        foreach (var person in new[] { head, spouse })
        {
            var found = await clerk.GetFromJsonAsync<JsonElement>($"/api/registry/households/by-member/{Iin(person)}");
            Assert.Equal(household, found.GetProperty("id").GetGuid());
        }

        var there = await clerk.GetFromJsonAsync<JsonElement>($"/api/registry/settlements/{elsewhere}/households");
        Assert.Equal(0, there.GetProperty("items").GetArrayLength());

        // The case service learns of one household and opens one case for it.
        var first = await Open(caseworker, household);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await caseworker.PostAsJsonAsync("/api/cases", new { householdId = household });
        await second.AssertProblem(HttpStatusCode.Conflict, "case.household-has-open-case");
    }

    [Fact]
    public async Task A_person_who_left_for_another_household_stays_in_the_first_case_until_it_ends()
    {
        using var clerk = await _system.Client("registry-clerk");
        using var caseworker = await _system.Client("caseworker");
        var son = People.Member("child", new DateOnly(1998, 4, 1), Sex.Male);
        var (parents, origin) = await OriginHousehold(clerk, People.Member("head", new DateOnly(1968, 6, 6), Sex.Male), son);
        using var opened = await Open(caseworker, parents);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var parentsCase = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The son marries and starts a household of his own in the same village.
        using var read = await clerk.GetAsync($"/api/registry/households/{parents}");
        using var leave = new HttpRequestMessage(HttpMethod.Delete, $"/api/registry/households/{parents}/members/{Iin(son)}?reason=married");
        leave.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await clerk.SendAsync(leave)).StatusCode);
        using var registered = await clerk.PostAsJsonAsync("/api/registry/households", new { settlementKato = origin, members = new[] { AsHead(son) } });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var sons = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // His new household may not open a case while he is still in his parents' open case.
        using var refused = await Open(caseworker, sons);
        var problem = await refused.AssertProblem(HttpStatusCode.Conflict, "case.person-in-open-case");
        Assert.Equal(parentsCase, problem.GetProperty("otherCase").GetGuid());

        // Once the parents withdraw, the claim ends and his own case opens.
        await CaseJourney.Withdraw(caseworker, parentsCase, "The parents stay with relatives.");
        using var own = await caseworker.PostAsJsonAsync("/api/cases", new { householdId = sons });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    /// <summary>Opens a case once the case service knows the household: the first answer that is not "household unknown".</summary>
    private static async Task<HttpResponseMessage> Open(HttpClient caseworker, Guid household) =>
        await Eventually.Get(async () =>
        {
            var response = await caseworker.PostAsJsonAsync("/api/cases", new { householdId = household });
            if (response.StatusCode != HttpStatusCode.BadRequest) return response;
            response.Dispose();
            return null;
        }, "the household known to the case service");

    private static async Task<(Guid Household, string Origin)> OriginHousehold(HttpClient clerk, params object[] members)
    {
        var origin = RealSettlements.NextCode("59");
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato = origin, potentialClass = "low" })).StatusCode);
        using var registered = await clerk.PostAsJsonAsync("/api/registry/households", new { settlementKato = origin, members });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return ((await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), origin);
    }

    private static string Iin(object member) => JsonSerializer.SerializeToElement(member).GetProperty("iin").GetString()!;

    private static Dictionary<string, object?> AsHead(object member)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(member))!;
        fields["relationship"] = "head";
        return fields;
    }
}
