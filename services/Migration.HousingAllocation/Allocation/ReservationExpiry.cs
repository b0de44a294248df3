using Marten;
using Microsoft.Extensions.Options;

namespace Migration.HousingAllocation.Allocation;

/// <summary>
/// Reservations lapse by themselves at their expiry: each destination with a reservation due is handled in its own
/// locked transaction, and the freed unit goes to the next waitlisted case it fits. Called by
/// <see cref="ReservationExpiryTimer"/>, and directly by whoever drives the clock (tests).
/// </summary>
public sealed class ReservationExpiry(IDocumentStore store, TimeProvider clock, IOptions<HousingSettings> settings, ILogger<ReservationExpiry> logger)
{
    /// <summary>Expires every reservation due by now; answers how many expired.</summary>
    public async Task<int> ExpireDue(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<Placement> due;
        await using (var query = store.QuerySession())
            due = await query.Query<Placement>().Where(p => p.Status == PlacementStatus.Reserved && p.ExpiresAt <= now).ToListAsync(cancellationToken);

        var expired = 0;
        foreach (var destination in due.GroupBy(p => (p.SettlementKato, p.Oblast)))
        {
            await using var session = store.LightweightSession();
            var desk = await DestinationDesk.Open(session, destination.Key.SettlementKato, destination.Key.Oblast, now,
                settings.Value.ReservationPeriod, cancellationToken);
            foreach (var placement in desk.Reservations.Where(p => p.ExpiresAt <= now).OrderBy(p => p.ExpiresAt))
            {
                desk.Expire(placement);
                expired++;
            }

            desk.Close();
            await session.SaveChangesAsync(cancellationToken);
        }

        if (expired > 0) logger.LogInformation("Expired {Count} reservations", expired);
        return expired;
    }
}

/// <summary>Runs <see cref="ReservationExpiry"/> every <see cref="HousingSettings.ExpiryScanInterval"/> on the service's clock.</summary>
public sealed partial class ReservationExpiryTimer(ReservationExpiry expiry, TimeProvider clock, IOptions<HousingSettings> settings, ILogger<ReservationExpiryTimer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.ExpiryScanInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await expiry.ExpireDue(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ScanFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The reservation expiry scan failed; it runs again at the next tick")]
    private static partial void ScanFailed(ILogger logger, Exception exception);
}
