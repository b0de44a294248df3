using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Tariffs;

/// <summary>The MCI table, one period, the schedule versions, and the audit trail of every tariff change.</summary>
public static class ReadingTariffs
{
    public const string MciNotFound = "tariff.mci-not-found";

    public sealed record Change(string Table, long Version, DateTimeOffset At, string? By, object Details);

    public static async Task<Ok<IReadOnlyList<MciRate>>> ListMci(IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<MciRate>>(await session.Query<MciRate>().OrderBy(r => r.EffectiveFrom).ToListAsync(cancellationToken));

    public static async Task<Ok<MciRate>> GetMci(string effectiveFrom, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var date = TariffDates.Parse(effectiveFrom, "effectiveFrom", errors);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        return TypedResults.Ok(await session.LoadAsync<MciRate>(MciRate.KeyOf(date), cancellationToken)
            ?? throw ProblemException.NotFound(MciNotFound, $"No MCI takes effect on {date:yyyy-MM-dd}."));
    }

    public static async Task<Ok<IReadOnlyList<TariffSchedule>>> ListSchedules(IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<TariffSchedule>>(await session.Query<TariffSchedule>().OrderBy(s => s.EffectiveFrom).ToListAsync(cancellationToken));

    /// <summary>Who changed which tariff, when, from what to what: the events of both tables' streams, oldest first.</summary>
    public static async Task<Ok<IReadOnlyList<Change>>> History(IQuerySession session, CancellationToken cancellationToken)
    {
        var mci = await session.Events.FetchStreamAsync(TariffAudit.MciStream, token: cancellationToken);
        var schedules = await session.Events.FetchStreamAsync(TariffAudit.ScheduleStream, token: cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Change>>(mci.Select(e => new Change("mci", e.Version, e.Timestamp, e.UserName, e.Data))
            .Concat(schedules.Select(e => new Change("schedules", e.Version, e.Timestamp, e.UserName, e.Data)))
            .OrderBy(c => c.At).ToList());
    }
}
