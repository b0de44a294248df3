using Marten;

namespace Migration.SubsidyPayment.Tariffs;

/// <summary>
/// At start-up, loads the reference MCI values (domain.md) and the default schedule into empty tables, as the caller
/// "system", audited like any change. Runs after Marten has applied the schema; instances that start together take the
/// same lock, so only one loads.
/// </summary>
public sealed class TariffSeeding(IDocumentStore store, TimeProvider clock, ILogger<TariffSeeding> logger) : IHostedService
{
    public const string Caller = "system";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = Caller;
        await session.LockViews(["tariffs/mci", "tariffs/schedules"], cancellationToken);
        var now = clock.GetUtcNow();
        if (!await session.Query<MciRate>().AnyAsync(cancellationToken))
        {
            foreach (var (from, value) in MciRate.Reference)
            {
                session.Insert(new MciRate(MciRate.KeyOf(from), from, value, Caller, now));
                session.Events.Append(TariffAudit.MciStream, new MciValueSet(from, value, null));
            }

            logger.LogInformation("Loaded {Count} reference MCI values", MciRate.Reference.Count);
        }

        if (!await session.Query<TariffSchedule>().AnyAsync(cancellationToken))
        {
            var schedule = TariffSchedule.Default(Caller, now);
            session.Insert(schedule);
            session.Events.Append(TariffAudit.ScheduleStream, new TariffScheduleAdded(schedule));
            logger.LogInformation("Loaded the default tariff schedule");
        }

        await session.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
