using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Stock;
using Published = Migration.Contracts.HousingAllocation;

namespace Migration.HousingAllocation.Tests;

/// <summary>
/// Reservations lapse by themselves. The service's own timer runs on the real clock (60 days away), so the test runs
/// the same expiry code in-process on the service's database with a fake clock 61 days ahead; the running service
/// then publishes what it appended.
/// </summary>
[Collection(HousingRun.Name)]
public sealed class ExpiryTests(HousingFixture service)
{
    [Fact]
    public async Task An_expired_reservation_hands_the_unit_to_the_next_waitlisted_case()
    {
        var destination = await service.Destination("11");
        var unit = await service.Unit(destination.Id, 3, 2_500_000m);
        var holder = HousingWorld.Approval(destination.Id, 3, DateTimeOffset.UtcNow.AddMinutes(-2));
        var waiting = HousingWorld.Approval(destination.Id, 2, DateTimeOffset.UtcNow.AddMinutes(-1));
        var reserved = await service.Approve(holder);
        Assert.Equal(PlacementStatus.Waitlisted, (await service.Approve(waiting)).Status);

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var expiry = new ReservationExpiry(service.Store, clock, Options.Create(new HousingSettings()), NullLogger<ReservationExpiry>.Instance);
        clock.Advance(TimeSpan.FromDays(59));
        Assert.Equal(PlacementStatus.Reserved, (await service.Placement(holder.CaseId, p => true)).Status);
        await expiry.ExpireDue(CancellationToken.None);
        Assert.Equal(PlacementStatus.Reserved, (await service.Placement(holder.CaseId, p => true)).Status);

        clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await expiry.ExpireDue(CancellationToken.None) >= 1);

        Assert.Equal(PlacementStatus.Expired, (await service.Placement(holder.CaseId, p => true)).Status);
        var next = await service.Placement(waiting.CaseId, p => true);
        Assert.Equal((PlacementStatus.Reserved, unit.Id), (next.Status, next.UnitId));
        Assert.Equal(clock.GetUtcNow().AddDays(60), next.ExpiresAt);
        Assert.True(reserved.ExpiresAt < clock.GetUtcNow());
        Assert.Equal(waiting.CaseId, (await service.LoadUnit(unit.Id)).CaseId);
        var expired = await service.Received<Published.ReservationExpired>(m => m.CaseId == holder.CaseId, "the expiry published by the service");
        Assert.Equal(unit.Id, expired.UnitId);
        await service.Received<Published.HousingReserved>(m => m.CaseId == waiting.CaseId, "the next case's reservation");
    }

    [Fact]
    public async Task The_services_own_timer_scans_without_failing_and_expires_nothing_before_its_time()
    {
        var destination = await service.Destination("11");
        var unit = await service.Unit(destination.Id, 2, 1_000_000m);
        var approval = HousingWorld.Approval(destination.Id, 2, DateTimeOffset.UtcNow);
        await service.Approve(approval);

        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(PlacementStatus.Reserved, (await service.Placement(approval.CaseId, p => true)).Status);
        Assert.Equal(UnitStatus.Reserved, (await service.LoadUnit(unit.Id)).Status);
        Assert.DoesNotContain("expiry scan failed", service.Service.RecentLog, StringComparison.Ordinal);
        Assert.DoesNotContain("expiry scan failed", service.Second.RecentLog, StringComparison.Ordinal);
    }
}
