using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.RelocationCase.Cases;

namespace Migration.RelocationCase.Tests;

/// <summary>
/// Cases by status over time: how many cases stood in each status at the end of each day. Through the service, a case
/// opened and another submitted today count today and not yesterday, only in their own oblast; and the fold itself,
/// over changes spread across days, without a server.
/// </summary>
[Collection(RelocationCaseRun.Name)]
public sealed class CaseStatusByDayTests(RelocationCaseFixture service)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Cases_opened_and_submitted_today_count_today_in_their_oblast_only()
    {
        var period = $"/api/cases/statistics/daily?from={Today.AddDays(-1):yyyy-MM-dd}&to={Today:yyyy-MM-dd}";
        using var supervisor = service.Client("case-supervisor", "23", "sv-daily");
        using var elsewhere = service.Client("case-supervisor", "19", "sv-daily-19");
        var before = await Days(supervisor, period);
        var elsewhereBefore = await Days(elsewhere, period);

        var (origin, _) = await service.Settlements("23", "15", originClass: "low");
        using var caseworker = service.Client("caseworker", "23", "cw-daily");
        await CaseArrangement.Open(caseworker, await service.Household(origin, "23"));
        await service.Submitted("23", "15", "cw-daily-2");

        var after = await Days(supervisor, period);
        Assert.Equal([Today.AddDays(-1), Today], after.Select(d => d.Date).ToArray());
        Assert.Equal(before[0].Counts, after[0].Counts);   // yesterday is history
        Assert.Equal(Count(before[1], "opened") + 1, Count(after[1], "opened"));
        Assert.Equal(Count(before[1], "submitted") + 1, Count(after[1], "submitted"));
        Assert.Equal(before[1].Counts.Values.Sum() + 2, after[1].Counts.Values.Sum());
        var elsewhereAfter = await Days(elsewhere, period);
        Assert.Equal(elsewhereBefore[1].Counts, elsewhereAfter[1].Counts);
    }

    [Theory]
    [InlineData("from=2026-03-10&to=2026-03-01", "period.inverted")]
    [InlineData("from=2024-01-01&to=2026-01-01", "period.too-long")]
    public async Task A_period_that_is_not_one_is_refused(string query, string code)
    {
        using var supervisor = service.Client("case-supervisor", "23", "sv-daily");
        using var response = await supervisor.GetAsync($"/api/cases/statistics/daily?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(code, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_day_counts_the_status_every_case_had_at_its_end()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        static DateTimeOffset At(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.Zero);
        CaseStatusByDay.Change[] changes =
        [
            new(a, At(1, 9), CaseStatus.Opened, "23"),
            new(b, At(1, 10), CaseStatus.Opened, "23"),
            new(c, At(1, 11), CaseStatus.Opened, "19"),          // another oblast
            new(a, At(2, 9), CaseStatus.Eligible, null),
            new(a, At(2, 15), CaseStatus.Submitted, null),      // two changes on one day: the last counts
            new(Guid.NewGuid(), At(2, 16), CaseStatus.Approved, null),   // opened before the log began: not counted
            new(b, At(4, 8), CaseStatus.Withdrawn, null),
        ];

        var history = CaseStatusByDay.Count(changes, new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 4), "23");

        string Day(int index) => string.Join(",", history.Days[index].ByStatus.Select(s => $"{s.Status}:{s.Cases}"));
        Assert.Equal(5, history.Days.Count);
        Assert.Equal("", Day(0));                              // 28 February: nothing yet
        Assert.Equal("Opened:2", Day(1));                      // 1 March
        Assert.Equal("Opened:1,Submitted:1", Day(2));          // 2 March
        Assert.Equal("Opened:1,Submitted:1", Day(3));          // 3 March: nothing happened, the same
        Assert.Equal("Submitted:1,Withdrawn:1", Day(4));       // 4 March
        Assert.Equal("Opened:3", string.Join(",", CaseStatusByDay.Count(changes.Take(3), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), null).Days[0].ByStatus.Select(s => $"{s.Status}:{s.Cases}")));
    }

    private sealed record DayCounts(DateOnly Date, Dictionary<string, int> Counts);

    private static int Count(DayCounts day, string status) => day.Counts.GetValueOrDefault(status);

    private static async Task<List<DayCounts>> Days(HttpClient client, string uri)
    {
        var history = await client.GetFromJsonAsync<JsonElement>(uri);
        return [.. history.GetProperty("days").EnumerateArray().Select(d => new DayCounts(
            DateOnly.Parse(d.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            d.GetProperty("byStatus").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("cases").GetInt32())))];
    }
}
