using System.Net;
using System.Net.Http.Json;
using Migration.Contracts.RelocationCase;
using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Stock;
using Published = Migration.Contracts.HousingAllocation;

namespace Migration.HousingAllocation.Tests;

/// <summary>Approved cases get the best-fitting unit or wait in line; withdrawal releases; a confirmed move allocates.</summary>
[Collection(HousingRun.Name)]
public sealed class AllocationTests(HousingFixture service)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(5));

    [Fact]
    public async Task An_approved_household_gets_the_best_fitting_unit_for_the_reservation_period()
    {
        var destination = await service.Destination("43");
        var small = await service.Unit(destination.Id, 2, 1_000_000m);
        var spacious = await service.Unit(destination.Id, 6, 2_000_000m);
        var dear = await service.Unit(destination.Id, 4, 6_500_000m);
        var best = await service.Unit(destination.Id, 4, 5_200_000m);

        var approval = HousingWorld.Approval(destination.Id, 3, T0);
        var placement = await service.Approve(approval);

        Assert.Equal((PlacementStatus.Reserved, best.Id), (placement.Status, placement.UnitId));
        var reserved = await service.Received<Published.HousingReserved>(m => m.CaseId == approval.CaseId, "the reservation");
        Assert.Equal((best.Id, destination.Id, 4), (reserved.UnitId, reserved.SettlementKato, reserved.Capacity));
        Assert.InRange(reserved.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(59.9), TimeSpan.FromDays(60));
        Assert.Equal((UnitStatus.Reserved, approval.CaseId), ((await service.LoadUnit(best.Id)).Status, (await service.LoadUnit(best.Id)).CaseId));
        await service.Received<Published.HousingAvailabilityChanged>(
            m => m.SettlementKato == destination.Id && m.Available.Sum(a => a.Count) == 3 && m.Available.All(a => a.Capacity != 4 || a.Count == 1),
            "availability without the reserved unit");

        // A housing officer moves the reservation to the dearer unit of four; the freed one is available again.
        using var officer = service.Client("housing-officer", "43");
        using (var tooSmall = await officer.PostAsJsonAsync($"/api/housing/reservations/{approval.CaseId}/reassignment", new { unitId = small.Id, reason = "family asked for it" }))
            await tooSmall.AssertProblem(HttpStatusCode.Conflict, ReassigningReservation.TooSmall);
        using (var moved = await officer.PostAsJsonAsync($"/api/housing/reservations/{approval.CaseId}/reassignment", new { unitId = dear.Id, reason = "closer to the school" }))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            var body = (await moved.Content.ReadFromJsonAsync<Placement>(HousingWorld.Json))!;
            Assert.Equal((dear.Id, placement.ExpiresAt), (body.UnitId, body.ExpiresAt));
        }

        Assert.Equal(UnitStatus.Available, (await service.LoadUnit(best.Id)).Status);
        Assert.Equal(UnitStatus.Reserved, (await service.LoadUnit(dear.Id)).Status);
        Assert.Equal(UnitStatus.Available, (await service.LoadUnit(spacious.Id)).Status);
        using (var caseworker = service.Client("caseworker"))
        using (var refused = await caseworker.PostAsJsonAsync($"/api/housing/reservations/{approval.CaseId}/reassignment", new { unitId = best.Id, reason = "try to move it" }))
            await refused.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task The_waitlist_is_first_come_first_served_and_a_withdrawal_hands_the_unit_on()
    {
        var destination = await service.Destination("27");
        var unit = await service.Unit(destination.Id, 3, 3_000_000m);
        var first = HousingWorld.Approval(destination.Id, 2, T0);
        var big = HousingWorld.Approval(destination.Id, 5, T0.AddMinutes(1));
        var second = HousingWorld.Approval(destination.Id, 3, T0.AddMinutes(2));
        var third = HousingWorld.Approval(destination.Id, 1, T0.AddMinutes(3));

        Assert.Equal(unit.Id, (await service.Approve(first)).UnitId);
        foreach (var waiting in new[] { big, second, third }) Assert.Equal(PlacementStatus.Waitlisted, (await service.Approve(waiting)).Status);
        var position = await service.Received<Published.CaseWaitlisted>(m => m.CaseId == third.CaseId, "the third on the waitlist");
        Assert.Equal(3, position.Position);
        Assert.Equal([big.CaseId, second.CaseId, third.CaseId], (await Waitlist(destination.Id)).Select(e => e.CaseId));

        // The first household withdraws: the unit goes to the first waiting case it fits (not the household of five).
        await service.Publish(new CaseWithdrawn(first.CaseId, first.HouseholdId, "stays with relatives", true, DateTimeOffset.UtcNow));
        var handedOn = await service.Placement(second.CaseId, p => p.Status == PlacementStatus.Reserved);
        Assert.Equal(unit.Id, handedOn.UnitId);
        Assert.Equal(PlacementStatus.Released, (await service.Placement(first.CaseId, p => true)).Status);
        var released = await service.Received<Published.ReservationReleased>(m => m.CaseId == first.CaseId, "the release");
        Assert.Equal(unit.Id, released.UnitId);
        Assert.Equal([big.CaseId, third.CaseId], (await Waitlist(destination.Id)).Select(e => e.CaseId));

        // A cancelled waiting case leaves the line; a new unit of five goes to the household of five.
        await service.Publish(new CaseCancelled(third.CaseId, third.HouseholdId, "duplicate case", true, DateTimeOffset.UtcNow));
        await service.Placement(third.CaseId, p => p.Status == PlacementStatus.Released);
        var house = await service.Unit(destination.Id, 5, 7_000_000m);
        Assert.Equal(house.Id, (await service.Placement(big.CaseId, p => p.Status == PlacementStatus.Reserved)).UnitId);
        Assert.Empty(await Waitlist(destination.Id));
    }

    [Fact]
    public async Task A_confirmed_move_allocates_the_unit()
    {
        var destination = await service.Destination("35");
        var unit = await service.Unit(destination.Id, 4, 4_000_000m);
        var approval = HousingWorld.Approval(destination.Id, 4, T0);
        await service.Approve(approval);

        await service.Publish(new MoveConfirmed(approval.CaseId, approval.HouseholdId, approval.OriginKato, destination.Id, new DateOnly(2026, 4, 1), DateTimeOffset.UtcNow));

        var allocated = await service.Placement(approval.CaseId, p => p.Status == PlacementStatus.Allocated);
        Assert.Equal(unit.Id, allocated.UnitId);
        Assert.Equal((UnitStatus.Occupied, approval.CaseId), ((await service.LoadUnit(unit.Id)).Status, (await service.LoadUnit(unit.Id)).CaseId));
        var message = await service.Received<Published.HousingAllocated>(m => m.CaseId == approval.CaseId, "the allocation");
        Assert.Equal((unit.Id, approval.HouseholdId), (message.UnitId, message.HouseholdId));

        // A late withdrawal of a moved household changes nothing.
        var withdrawal = Guid.NewGuid();
        await service.Publish(new CaseWithdrawn(approval.CaseId, approval.HouseholdId, "too late", true, DateTimeOffset.UtcNow), withdrawal);
        await Eventually.True(async () =>
        {
            await using var session = service.Store.QuerySession();
            return await session.LoadAsync<Migration.ServiceDefaults.Messaging.HandledMessage>(
                Migration.ServiceDefaults.Messaging.HandledMessage.KeyOf(nameof(CaseWithdrawnConsumer), withdrawal)) is not null;
        }, "the late withdrawal handled");
        Assert.Equal(UnitStatus.Occupied, (await service.LoadUnit(unit.Id)).Status);

        using var reader = service.Client("auditor");
        using var list = await reader.GetAsync($"/api/housing/reservations?settlementKato={destination.Id}&status=allocated");
        var page = (await list.Content.ReadFromJsonAsync<Migration.ServiceDefaults.Http.Page<Placement>>(HousingWorld.Json))!;
        Assert.Equal(approval.CaseId, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task A_withdrawal_that_overtakes_the_approval_leaves_the_unit_free()
    {
        var destination = await service.Destination("35");
        var unit = await service.Unit(destination.Id, 4, 4_000_000m);
        var approval = HousingWorld.Approval(destination.Id, 2, T0);
        var withdrawal = Guid.NewGuid();
        await service.Publish(new CaseWithdrawn(approval.CaseId, approval.HouseholdId, "changed their mind", true, DateTimeOffset.UtcNow), withdrawal);
        await Eventually.True(() => Handled(nameof(CaseWithdrawnConsumer), withdrawal), "the early withdrawal handled");

        var late = Guid.NewGuid();
        await service.Publish(approval, late);
        await Eventually.True(() => Handled(nameof(CaseApprovedConsumer), late), "the late approval handled");

        await using var session = service.Store.QuerySession();
        Assert.Null(await session.LoadAsync<Placement>(approval.CaseId));
        Assert.Equal(UnitStatus.Available, (await service.LoadUnit(unit.Id)).Status);
    }

    [Fact]
    public async Task A_repeated_registration_with_the_same_idempotency_key_registers_one_unit()
    {
        var destination = await service.Destination("35");
        using var officer = service.Client("housing-officer", "35");
        var body = new { settlementKato = destination.Id, type = "dormitory-room", address = "ул. Школьная, 2, к. 5", rooms = 1, floorArea = 18m, capacity = 2, appraisedValue = 900_000m, condition = "good" };
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/housing/units") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "room-5-" + destination.Id);
            using var response = await officer.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<HousingUnit>(HousingWorld.Json))!.Id);
        }

        Assert.Equal(ids[0], ids[1]);
        var units = (await officer.GetFromJsonAsync<Migration.ServiceDefaults.Http.Page<HousingUnit>>($"/api/housing/units?settlementKato={destination.Id}", HousingWorld.Json))!;
        Assert.Single(units.Items);
    }

    private async Task<bool> Handled(string consumer, Guid messageId)
    {
        await using var session = service.Store.QuerySession();
        return await session.LoadAsync<Migration.ServiceDefaults.Messaging.HandledMessage>(
            Migration.ServiceDefaults.Messaging.HandledMessage.KeyOf(consumer, messageId)) is not null;
    }

    private async Task<List<Reservations.WaitlistEntry>> Waitlist(string settlementKato)
    {
        using var reader = service.Client("caseworker");
        return (await reader.GetFromJsonAsync<List<Reservations.WaitlistEntry>>($"/api/housing/waitlists/{settlementKato}", HousingWorld.Json))!;
    }
}
