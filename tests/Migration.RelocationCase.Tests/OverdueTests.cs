using System.Net.Http.Json;
using System.Text.Json;

namespace Migration.RelocationCase.Tests;

/// <summary>
/// Deadlines follow the clock the service is given: a second instance of the service whose clock runs 30 days ahead
/// (<c>Clock:Offset</c>) sees the case just opened as overdue, per caseworker and per oblast, while today's does not.
/// </summary>
[Collection(RelocationCaseRun.Name)]
public sealed class OverdueTests(RelocationCaseFixture service)
{
    [Fact]
    public async Task A_case_not_assessed_within_its_target_is_listed_overdue_for_its_caseworker_and_oblast()
    {
        var (origin, _) = await service.Settlements("63", "35", originClass: "low");
        using var caseworker = service.Client("caseworker", "63", "cw-overdue");
        var (opened, _) = await CaseArrangement.Open(caseworker, await service.Household(origin, "63"));
        var id = opened.GetProperty("id").GetGuid();
        var due = DateOnly.Parse(opened.GetProperty("task").GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        await using var nextMonth = await service.StartAnotherInstance(new Dictionary<string, string> { ["Clock:Offset"] = "30.00:00:00" });
        using var later = service.Client("caseworker", "63", "cw-overdue", nextMonth);
        using var supervisorLater = service.Client("case-supervisor", "63", "sv-overdue", nextMonth);
        var today = await Ids(caseworker, "/api/cases?overdue=true&caseworker=cw-overdue");
        var inAMonth = await Ids(later, "/api/cases?overdue=true&caseworker=cw-overdue");
        var inTheOblast = await Ids(supervisorLater, "/api/cases?overdue=true&oblast=63");
        var otherCaseworker = await Ids(later, "/api/cases?overdue=true&caseworker=cw-someone-else");

        var now = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.InRange(due, now.AddDays(10), now.AddDays(16));   // ten working days: two weeks, give or take the calendar day
        Assert.DoesNotContain(id, today);
        Assert.Contains(id, inAMonth);
        Assert.Contains(id, inTheOblast);
        Assert.DoesNotContain(id, otherCaseworker);
        var statistics = await supervisorLater.GetFromJsonAsync<JsonElement>("/api/cases/statistics");
        Assert.True(statistics.GetProperty("overdue").GetInt32() >= 1);
    }

    private static async Task<IReadOnlyList<Guid>> Ids(HttpClient client, string uri) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(uri)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
}
