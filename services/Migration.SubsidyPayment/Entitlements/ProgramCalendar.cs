namespace Migration.SubsidyPayment.Entitlements;

/// <summary>
/// The program's calendar day of an instant: the local date in Kazakhstan (time zone Asia/Almaty from the system's tz
/// database; UTC+5 when it is missing). Tariffs "in force on the approval date" are those of this day.
/// </summary>
public static class ProgramCalendar
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("UTC+5", TimeSpan.FromHours(5), "UTC+5", "UTC+5");
        }
    }
}
