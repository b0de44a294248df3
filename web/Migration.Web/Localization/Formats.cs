using System.Globalization;

namespace Migration.Web.Localization;

/// <summary>Amounts and dates as the chosen language writes them: KZT with thousands separators, times in Almaty.</summary>
public static class Formats
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    public static string Kzt(decimal? amount) =>
        amount is { } value ? $"{value.ToString("N2", CultureInfo.CurrentCulture)}\u00A0₸" : "—";

    public static string Number(decimal value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    public static string Date(DateTimeOffset? at) => at is { } value ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(value, Almaty).DateTime).ToString("d", CultureInfo.CurrentCulture) : "—";

    public static string Time(DateTimeOffset? at) => at is { } value ? TimeZoneInfo.ConvertTime(value, Almaty).ToString("g", CultureInfo.CurrentCulture) : "—";
}
