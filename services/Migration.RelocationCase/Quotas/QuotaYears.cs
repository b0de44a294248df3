using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Quotas;

/// <summary>The years a quota may be set for: the program started in 2004.</summary>
public static class QuotaYears
{
    public const int First = 2004;
    public const int Last = 2100;

    public static bool IsValid(int year) => year is >= First and <= Last;

    public static ValidationErrors Check(int year, ValidationErrors errors) =>
        IsValid(year) ? errors : errors.Add("year", "year.out-of-range", $"'year' must be between {First} and {Last}.");

    /// <summary>The current year, by the service's clock.</summary>
    public static int Current(TimeProvider clock) => clock.GetLocalNow().Year;
}
