using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment;

/// <summary>Amounts in KZT as requests carry them: required, positive, at most two decimals (tiyn), within a sane maximum.</summary>
public static class Amounts
{
    /// <summary>Far above any payment or budget line of the program (the whole program is below 10^12 KZT).</summary>
    public const decimal Max = 10_000_000_000_000m;

    public static decimal Check(ValidationErrors errors, string field, decimal? value, decimal max = Max, bool allowZero = false)
    {
        if (value is not { } amount)
        {
            errors.Add(field, "required", $"'{field}' is required.");
            return 0m;
        }

        if ((allowZero ? amount < 0 : amount <= 0) || amount > max || decimal.Round(amount, 2) != amount)
            errors.Add(field, "amount.invalid", $"'{field}' must be a {(allowZero ? "non-negative" : "positive")} amount in KZT with at most 2 decimals, at most {max}.");
        return amount;
    }

    /// <summary>A reason or reference a person must give: required, at most <paramref name="max"/> characters.</summary>
    public static string Text(ValidationErrors errors, string field, string? value, int max = 500)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "required", $"'{field}' is required.");
        else if (value.Length > max) errors.Add(field, "too-long", $"'{field}' must be at most {max} characters.");
        return value?.Trim() ?? "";
    }
}
