using System.Net.Http.Json;
using Marten;
using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Stock;

namespace Migration.HousingAllocation.Tests;

/// <summary>Approvals for one destination that arrive together, on two instances of the service, never share a unit.</summary>
[Collection(HousingRun.Name)]
public sealed class ConcurrencyTests(HousingFixture service)
{
    [Fact]
    public async Task Ten_approvals_at_once_for_three_units_on_two_instances_reserve_each_unit_once_and_waitlist_the_rest_in_order()
    {
        var destination = await service.Destination("43");
        var units = new List<HousingUnit>();
        for (var i = 0; i < 3; i++) units.Add(await service.Unit(destination.Id, 4, 3_000_000m + i));
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        var approvals = Enumerable.Range(0, 10).Select(i => HousingWorld.Approval(destination.Id, 2, t0.AddSeconds(i))).ToList();

        await Task.WhenAll(approvals.Select(a => service.Publish(a)));

        var placements = await Eventually.Get(async () =>
        {
            await using var session = service.Store.QuerySession();
            var all = await session.Query<Placement>().Where(p => p.SettlementKato == destination.Id).ToListAsync();
            return all.Count == 10 && all.All(p => p.Status != PlacementStatus.Requested) ? all : null;
        }, "all ten approvals handled");

        var reserved = placements.Where(p => p.Status == PlacementStatus.Reserved).ToList();
        Assert.Equal(3, reserved.Count);
        Assert.Equal(units.Select(u => u.Id).Order(), reserved.Select(p => p.UnitId!.Value).Order());
        Assert.Equal(7, placements.Count(p => p.Status == PlacementStatus.Waitlisted));
        foreach (var unit in units)
        {
            var stored = await service.LoadUnit(unit.Id);
            Assert.Equal(UnitStatus.Reserved, stored.Status);
            Assert.Equal(reserved.Single(p => p.UnitId == unit.Id).Id, stored.CaseId);
        }

        using var reader = service.Client("auditor", "*", service.Second);
        var waitlist = (await reader.GetFromJsonAsync<List<Reservations.WaitlistEntry>>($"/api/housing/waitlists/{destination.Id}", HousingWorld.Json))!;
        Assert.Equal(7, waitlist.Count);
        Assert.Equal(waitlist.OrderBy(e => e.ApprovedAt).Select(e => e.CaseId), waitlist.Select(e => e.CaseId));
        Assert.Equal(Enumerable.Range(1, 7), waitlist.Select(e => e.Position));

        // Every reservation event names a distinct unit: no unit was ever handed to two cases, even briefly.
        await using var events = service.Store.QuerySession();
        var reservedEvents = new List<HousingReserved>();
        foreach (var p in placements) reservedEvents.AddRange((await events.Events.FetchStreamAsync(p.Id)).Select(e => e.Data).OfType<HousingReserved>());
        Assert.Equal(3, reservedEvents.Count);
        Assert.Equal(3, reservedEvents.Select(e => e.UnitId).Distinct().Count());
    }
}
