using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.RelocationCase.Quotas;

namespace Migration.RelocationCase.Tests;

/// <summary>Admins set yearly quotas of receiving oblasts; staff read them with their use.</summary>
[Collection(RelocationCaseRun.Name)]
public sealed class QuotaApiTests(RelocationCaseFixture service)
{
    private readonly HttpClient _admin = service.Client("admin", caller: "admin-1");

    [Fact]
    public async Task An_admin_sets_a_quota_and_staff_read_it_with_its_use()
    {
        using var created = await _admin.PutAsJsonAsync("/api/cases/quotas/43/2080", new { maxHouseholds = 40, maxPeople = 150 });
        using var changed = await _admin.PutAsJsonAsync("/api/cases/quotas/43/2080", new { maxHouseholds = 50 });
        await Reserve("43", 2080, 4);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/cases/quotas/43/2080", created.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var list = await service.Client("auditor").GetFromJsonAsync<JsonElement>("/api/cases/quotas?year=2080");
        Assert.Equal(2080, list.GetProperty("year").GetInt32());
        var quota = list.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("oblast").GetString() == "43");
        Assert.Equal("Kyzylorda", quota.GetProperty("oblastName").GetString());
        Assert.Equal((50, 1, 49, 4), (quota.GetProperty("maxHouseholds").GetInt32(), quota.GetProperty("householdsApproved").GetInt32(),
            quota.GetProperty("householdsRemaining").GetInt32(), quota.GetProperty("peopleApproved").GetInt32()));
        Assert.Equal(JsonValueKind.Null, quota.GetProperty("maxPeople").ValueKind);
        Assert.Equal("admin-1", quota.GetProperty("setBy").GetString());
    }

    [Fact]
    public async Task Quotas_are_checked_field_by_field()
    {
        using var unknownOblast = await _admin.PutAsJsonAsync("/api/cases/quotas/99/2080", new { maxHouseholds = 1 });
        using var tooEarly = await _admin.PutAsJsonAsync("/api/cases/quotas/43/2003", new { maxHouseholds = 1 });
        using var noLimit = await _admin.PutAsJsonAsync("/api/cases/quotas/43/2081", new { });
        using var negative = await _admin.PutAsJsonAsync("/api/cases/quotas/43/2081", new { maxHouseholds = -1, maxPeople = 5 });
        using var badYear = await service.Client("caseworker").GetAsync(new Uri("/api/cases/quotas?year=2101", UriKind.Relative));

        Assert.Contains(("oblast", "oblast.unknown"), await Errors(unknownOblast));
        Assert.Contains(("year", "year.out-of-range"), await Errors(tooEarly));
        Assert.Contains(("maxHouseholds", "quota.no-limit"), await Errors(noLimit));
        Assert.Contains(("maxHouseholds", "negative"), await Errors(negative));
        Assert.Contains(("year", "year.out-of-range"), await Errors(badYear));
    }

    [Fact]
    public async Task A_limit_cannot_go_below_what_approvals_already_used()
    {
        using var set = await _admin.PutAsJsonAsync("/api/cases/quotas/35/2080", new { maxHouseholds = 5, maxPeople = 20 });
        await Reserve("35", 2080, 6);
        await Reserve("35", 2080, 6);

        using var belowHouseholds = await _admin.PutAsJsonAsync("/api/cases/quotas/35/2080", new { maxHouseholds = 1, maxPeople = 20 });
        using var belowPeople = await _admin.PutAsJsonAsync("/api/cases/quotas/35/2080", new { maxHouseholds = 5, maxPeople = 11 });
        using var exactly = await _admin.PutAsJsonAsync("/api/cases/quotas/35/2080", new { maxHouseholds = 2, maxPeople = 12 });

        await belowHouseholds.AssertProblem(HttpStatusCode.Conflict, SettingQuota.BelowUse);
        await belowPeople.AssertProblem(HttpStatusCode.Conflict, SettingQuota.BelowUse);
        Assert.Equal(HttpStatusCode.OK, exactly.StatusCode);
        Assert.Equal(QuotaLedger.Exhausted, (await Reserve("35", 2080, 1)).Code);
    }

    [Theory]
    [InlineData("caseworker")]
    [InlineData("case-supervisor")]
    [InlineData("auditor")]
    public async Task Only_admins_set_quotas(string role)
    {
        using var response = await service.Client(role).PutAsJsonAsync("/api/cases/quotas/43/2082", new { maxHouseholds = 1 });
        using var anonymous = new HttpClient { BaseAddress = service.Service.Address };
        using var noToken = await anonymous.PutAsJsonAsync("/api/cases/quotas/43/2082", new { maxHouseholds = 1 });

        await response.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
    }

    private async Task<QuotaCheck> Reserve(string oblast, int year, int people)
    {
        await using var session = service.Store.LightweightSession();
        var check = await QuotaLedger.Reserve(session, oblast, year, people, CancellationToken.None);
        if (check.IsGranted) await session.SaveChangesAsync();
        return check;
    }

    private static async Task<List<(string?, string?)>> Errors(HttpResponseMessage response)
    {
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        return [.. problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString()))];
    }
}
