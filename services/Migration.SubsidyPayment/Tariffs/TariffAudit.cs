namespace Migration.SubsidyPayment.Tariffs;

/// <summary>The MCI of <paramref name="EffectiveFrom"/> was set (<paramref name="Previous"/>: the value it replaced, null when new).</summary>
public sealed record MciValueSet(DateOnly EffectiveFrom, decimal Value, decimal? Previous);

/// <summary>A new version of the benefit parameters was added.</summary>
public sealed record TariffScheduleAdded(TariffSchedule Schedule);

/// <summary>
/// Every tariff change is an event, appended in the same transaction as the document it changes, on one stream per table:
/// the event log says who (the caller), when, the old and the new value; <c>GET /api/payments/tariffs/history</c> reads it.
/// </summary>
public static class TariffAudit
{
    public static readonly Guid MciStream = new("6d636900-0000-4000-8000-000000000001");
    public static readonly Guid ScheduleStream = new("73636800-0000-4000-8000-000000000002");
}
