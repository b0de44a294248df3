using Migration.Identifiers;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.LabourDemand;

/// <summary>Field checks shared by the labour-demand slices; each refusal names the field and a stable code.</summary>
public static class LabourDemandValidation
{
    public const int MaxName = 300;
    public const int MaxOccupation = 200;
    public const int MaxPlaces = 10_000;
    public const decimal MaxMonthlyWage = 100_000_000m;
    public const int MinReason = 3;
    public const int MaxReason = 1000;

    /// <summary>The BIN, or a field error naming why it is not one (one code per <see cref="BinValidation"/> reason).</summary>
    public static Bin? ValidateBin(string field, string? value, ValidationErrors errors)
    {
        var (code, message) = Bin.Validate(value) switch
        {
            BinValidation.Valid => (null, null),
            BinValidation.Missing => ("required", $"'{field}' is required."),
            BinValidation.NotTwelveDigits => ("bin.format", $"'{field}' must be a BIN of 12 digits."),
            BinValidation.BadRegistrationMonth => ("bin.registration-month", $"Digits 3–4 of '{field}' must be a month, 01 to 12."),
            BinValidation.UnknownEntityType => ("bin.entity-type", $"Digit 5 of '{field}' must be 4, 5 or 6 (the entity type)."),
            BinValidation.UnknownDivisionType => ("bin.division-type", $"Digit 6 of '{field}' must be 0 to 3 (the division type)."),
            BinValidation.CheckDigitMismatch => ("bin.check-digit", $"The check digit of '{field}' does not match: the BIN is mistyped."),
            BinValidation.NeverIssued => ("bin.never-issued", $"'{field}' is no BIN: no number with these first eleven digits is issued."),
            var other => ("bin.invalid", $"'{field}' is not a BIN ({other})."),
        };
        if (code is null) return Bin.Parse(value!);
        errors.Add(field, code, message!);
        return null;
    }

    /// <summary>A KATO code of a known oblast; with <paramref name="settlement"/> it must name a settlement (not a district or okrug).</summary>
    public static KatoCode? ValidateKato(string field, string? value, ValidationErrors errors, bool settlement)
    {
        switch (KatoCode.Validate(value))
        {
            case KatoValidation.Missing:
                errors.Add(field, "required", $"'{field}' is required.");
                return null;
            case KatoValidation.NotNineDigits:
                errors.Add(field, "kato.format", $"'{field}' must be a KATO code of 9 digits.");
                return null;
            case KatoValidation.UnknownOblast:
                errors.Add(field, "kato.unknown-oblast", $"'{field}' starts with {value![..2]}, which is no oblast code.");
                return null;
            default:
                if (settlement && value![6..] == "000")
                    errors.Add(field, "kato.not-a-settlement", $"{value} is a district or rural okrug, not a settlement.");
                return KatoCode.Parse(value!);
        }
    }

    public static string? ValidateText(string field, string? value, int max, ValidationErrors errors)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : Normalize(value);
        if (text is null) errors.Add(field, "required", $"'{field}' is required.");
        else if (text.Length > max) errors.Add(field, "too-long", $"'{field}' must be at most {max} characters.");
        return text;
    }

    /// <summary>Text as stored and compared: trimmed, inner runs of white space made one space.</summary>
    public static string Normalize(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Places above zero, a wage in KZT above zero with at most two decimals, and a period that does not end before it starts.</summary>
    public static VacancyTerms? ValidateTerms(int? places, decimal? monthlyWage, DateOnly? from, DateOnly? to, ValidationErrors errors)
    {
        if (places is null) errors.Add("places", "required", "'places' is required.");
        else if (places <= 0) errors.Add("places", "not-positive", "'places' must be at least 1.");
        else if (places > MaxPlaces) errors.Add("places", "too-large", $"'places' must be at most {MaxPlaces}.");

        if (monthlyWage is null) errors.Add("monthlyWage", "required", "'monthlyWage' (KZT) is required.");
        else if (monthlyWage <= 0) errors.Add("monthlyWage", "not-positive", "'monthlyWage' must be above zero.");
        else if (monthlyWage > MaxMonthlyWage) errors.Add("monthlyWage", "too-large", $"'monthlyWage' must be at most {MaxMonthlyWage:0} KZT.");
        else if (decimal.Round(monthlyWage.Value, 2) != monthlyWage) errors.Add("monthlyWage", "money.precision", "'monthlyWage' is KZT with at most two decimals.");

        if (from is null) errors.Add("from", "required", "'from' (the first day of work) is required.");
        if (to is null) errors.Add("to", "required", "'to' (the last day of work) is required.");
        else if (from is not null && to < from) errors.Add("to", "period.inverted", "'to' must not be before 'from'.");

        return errors.IsEmpty ? new VacancyTerms(places!.Value, monthlyWage!.Value, from!.Value, to!.Value) : null;
    }

    public static string? ValidateReason(string? value, ValidationErrors errors)
    {
        var reason = value?.Trim();
        if (reason is null || reason.Length < MinReason) errors.Add("reason", "reason.required", $"'reason' must say why, in at least {MinReason} characters.");
        else if (reason.Length > MaxReason) errors.Add("reason", "too-long", $"'reason' must be at most {MaxReason} characters.");
        return reason;
    }
}
