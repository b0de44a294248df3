using System.Globalization;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Importing;

/// <summary>
/// Typed values of CSV fields, as clerks' spreadsheets write them: numbers with a decimal point or comma, dates as
/// yyyy-MM-dd or dd.MM.yyyy, booleans as true/false, 1/0, yes/no (also да/нет, иә/жоқ). Blank is absent (null).
/// </summary>
public static class CsvValues
{
    public const string NotANumber = "csv.not-a-number";
    public const string NotADate = "csv.not-a-date";
    public const string NotABoolean = "csv.not-a-boolean";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy"];
    private static readonly HashSet<string> True = new(StringComparer.OrdinalIgnoreCase) { "true", "1", "yes", "да", "иә" };
    private static readonly HashSet<string> False = new(StringComparer.OrdinalIgnoreCase) { "false", "0", "no", "нет", "жоқ" };

    public static int? WholeNumber(string? value, string column, ValidationErrors errors)
    {
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result)) return result;
        errors.Add(column, NotANumber, $"'{column}' must be a whole number.");
        return null;
    }

    public static decimal? Number(string? value, string column, ValidationErrors errors)
    {
        if (value is null) return null;
        var normalised = value.Contains(',', StringComparison.Ordinal) && !value.Contains('.', StringComparison.Ordinal) ? value.Replace(',', '.') : value;
        if (decimal.TryParse(normalised, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var result)) return result;
        errors.Add(column, NotANumber, $"'{column}' must be a number.");
        return null;
    }

    public static DateOnly? Date(string? value, string column, ValidationErrors errors)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var result)) return result;
        errors.Add(column, NotADate, $"'{column}' must be a date, yyyy-MM-dd or dd.MM.yyyy.");
        return null;
    }

    public static bool? Flag(string? value, string column, ValidationErrors errors)
    {
        if (value is null) return null;
        if (True.Contains(value)) return true;
        if (False.Contains(value)) return false;
        errors.Add(column, NotABoolean, $"'{column}' must be true or false (1/0, yes/no).");
        return null;
    }
}
