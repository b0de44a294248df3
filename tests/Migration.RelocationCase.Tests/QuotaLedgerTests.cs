using System.Net;
using System.Net.Http.Json;
using Marten;
using Migration.RelocationCase.Quotas;

namespace Migration.RelocationCase.Tests;

/// <summary>
/// The quota under approvals that race: reservations in separate sessions and transactions on the service's own
/// database, each committed when granted, as an approval would.
/// </summary>
[Collection(RelocationCaseRun.Name)]
public sealed class QuotaLedgerTests(RelocationCaseFixture service)
{
    private readonly HttpClient _admin = service.Client("admin");

    [Fact]
    public async Task Concurrent_approvals_use_exactly_the_quota_of_households()
    {
        await SetQuota("43", 2090, maxHouseholds: 7, maxPeople: null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ReserveAndCommit("43", 2090, people: 3)));

        Assert.Equal(7, outcomes.Count(o => o.IsGranted));
        Assert.Equal(13, outcomes.Count(o => o.Code == QuotaLedger.Exhausted));
        var quota = await Load("43", 2090);
        Assert.Equal((7, 21, 0), (quota.HouseholdsApproved, quota.PeopleApproved, quota.HouseholdsRemaining!.Value));
    }

    [Fact]
    public async Task Concurrent_approvals_never_exceed_the_quota_of_people()
    {
        await SetQuota("27", 2090, maxHouseholds: 100, maxPeople: 10);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ReserveAndCommit("27", 2090, people: 3)));

        Assert.Equal(3, outcomes.Count(o => o.IsGranted));
        var quota = await Load("27", 2090);
        Assert.Equal((3, 9), (quota.HouseholdsApproved, quota.PeopleApproved));
        // A household of one still fits in the last place.
        Assert.True((await ReserveAndCommit("27", 2090, people: 1)).IsGranted);
        Assert.Equal(QuotaLedger.Exhausted, (await ReserveAndCommit("27", 2090, people: 1)).Code);
    }

    [Fact]
    public async Task No_quota_set_refuses_and_an_uncommitted_reservation_uses_nothing()
    {
        var none = await ReserveAndCommit("35", 2091, people: 2);
        Assert.Equal((false, QuotaLedger.NotSet), (none.IsGranted, none.Code));

        await SetQuota("35", 2090, maxHouseholds: 1, maxPeople: null);
        await using (var abandoned = service.Store.LightweightSession())
            Assert.True((await QuotaLedger.Reserve(abandoned, "35", 2090, 4, CancellationToken.None)).IsGranted);

        Assert.Equal(0, (await Load("35", 2090)).HouseholdsApproved);
        Assert.True((await ReserveAndCommit("35", 2090, people: 4)).IsGranted);
    }

    [Fact]
    public async Task A_release_gives_the_place_back()
    {
        await SetQuota("11", 2090, maxHouseholds: 1, maxPeople: 5);
        Assert.True((await ReserveAndCommit("11", 2090, people: 5)).IsGranted);
        Assert.Equal(QuotaLedger.Exhausted, (await ReserveAndCommit("11", 2090, people: 1)).Code);

        await using (var session = service.Store.LightweightSession())
        {
            var released = await QuotaLedger.Release(session, "11", 2090, 5, CancellationToken.None);
            await session.SaveChangesAsync();
            Assert.Equal((0, 0), (released!.HouseholdsApproved, released.PeopleApproved));
        }

        Assert.True((await ReserveAndCommit("11", 2090, people: 2)).IsGranted);
        Assert.Equal((1, 2), ((await Load("11", 2090)).HouseholdsApproved, (await Load("11", 2090)).PeopleApproved));
    }

    private async Task<QuotaCheck> ReserveAndCommit(string oblast, int year, int people)
    {
        await using var session = service.Store.LightweightSession();
        var check = await QuotaLedger.Reserve(session, oblast, year, people, CancellationToken.None);
        if (check.IsGranted) await session.SaveChangesAsync();
        return check;
    }

    private async Task<OblastQuota> Load(string oblast, int year)
    {
        await using var session = service.Store.QuerySession();
        return (await session.LoadAsync<OblastQuota>(OblastQuota.KeyOf(oblast, year)))!;
    }

    private async Task SetQuota(string oblast, int year, int? maxHouseholds, int? maxPeople)
    {
        using var response = await _admin.PutAsJsonAsync($"/api/cases/quotas/{oblast}/{year}", new { maxHouseholds, maxPeople });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
