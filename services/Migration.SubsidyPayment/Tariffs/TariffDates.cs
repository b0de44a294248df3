using System.Globalization;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Tariffs;

/// <summary>Effective dates of tariffs: ISO dates ("2020-04-01") from the program's start to 2100.</summary>
public static class TariffDates
{
    public static readonly DateOnly First = new(2004, 1, 1);
    public static readonly DateOnly Last = new(2100, 12, 31);

    public static DateOnly Parse(string? value, string field, ValidationErrors errors)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors.Add(field, "date.invalid", $"'{field}' must be a date like 2020-04-01.");
        else if (date < First || date > Last)
            errors.Add(field, "date.out-of-range", $"'{field}' must be between {First:yyyy-MM-dd} and {Last:yyyy-MM-dd}.");
        return date;
    }
}
