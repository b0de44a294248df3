using Migration.Registry.Settlements;
using Migration.ServiceDefaults.Importing;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Importing;

/// <summary>
/// A row of a settlements file as the passport a clerk would submit, validated by the same rules as the API
/// (<see cref="PassportValidation"/>). Errors name the file's columns.
/// </summary>
public static class SettlementRow
{
    public const string HazardFormat = "csv.hazard-format";

    private static readonly string[] IndicatorColumns =
        ["asOf", "population", "households", "workingAge", "unemployed", "averageMonthlyIncome", "subsistenceMinimum", "arableLandHectares"];

    private static readonly string[] InfrastructureColumns = ["waterSupply", "electricity", "gas", "pavedRoad", "school", "medicalPost", "internet"];

    /// <summary>The passport of the row, or the errors (by column) that keep it from being one.</summary>
    public static Passport? Read(CsvColumns columns, CsvRecord record, ValidationErrors errors)
    {
        string? Get(string column) => columns.Get(record, column);
        var request = new PassportRequest(
            Get("kato"), Get("nameRu"), Get("nameKk"), Get("climateZone"), Coordinates(Get, errors), Indicators(Get, errors), Hazards(Get("hazards"), errors),
            Get("potentialClass"), Get("overrideReason"));
        var (passport, validation) = PassportValidation.Validate(request);
        // A value that could not be parsed is reported once, as such, not again as missing.
        foreach (var error in validation.Errors)
        {
            var column = ColumnOf(error.Field);
            if (!errors.Errors.Any(e => e.Field == column)) errors.Add(column, error.Code, error.Message);
        }

        return errors.IsEmpty ? passport : null;
    }

    /// <summary>The file's column for a field of the API's passport: <c>indicators.workingAge</c> → <c>workingAge</c>.</summary>
    public static string ColumnOf(string field) =>
        field.StartsWith("hazards", StringComparison.Ordinal) ? "hazards" : field[(field.LastIndexOf('.') + 1)..];

    private static CoordinatesRequest? Coordinates(Func<string, string?> get, ValidationErrors errors) =>
        get("latitude") is null && get("longitude") is null
            ? null
            : new CoordinatesRequest(CsvValues.Number(get("latitude"), "latitude", errors), CsvValues.Number(get("longitude"), "longitude", errors));

    private static IndicatorsRequest? Indicators(Func<string, string?> get, ValidationErrors errors)
    {
        if (IndicatorColumns.Concat(InfrastructureColumns).All(c => get(c) is null)) return null;
        bool? Flag(string column) => CsvValues.Flag(get(column), column, errors);
        var infrastructure = InfrastructureColumns.All(c => get(c) is null)
            ? null
            : new InfrastructureRequest(Flag("waterSupply"), Flag("electricity"), Flag("gas"), Flag("pavedRoad"), Flag("school"), Flag("medicalPost"), Flag("internet"));
        return new IndicatorsRequest(
            CsvValues.Date(get("asOf"), "asOf", errors),
            CsvValues.WholeNumber(get("population"), "population", errors),
            CsvValues.WholeNumber(get("households"), "households", errors),
            CsvValues.WholeNumber(get("workingAge"), "workingAge", errors),
            CsvValues.WholeNumber(get("unemployed"), "unemployed", errors),
            CsvValues.Number(get("averageMonthlyIncome"), "averageMonthlyIncome", errors),
            CsvValues.Number(get("subsistenceMinimum"), "subsistenceMinimum", errors),
            infrastructure,
            CsvValues.Number(get("arableLandHectares"), "arableLandHectares", errors));
    }

    /// <summary><c>soil-salinization:high|flooding:low</c>: hazards separated by <c>|</c>, each a type and a severity.</summary>
    private static List<HazardRequest>? Hazards(string? value, ValidationErrors errors)
    {
        if (value is null) return null;
        var hazards = new List<HazardRequest>();
        foreach (var item in value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                hazards.Add(new HazardRequest(parts[0], parts[1]));
                continue;
            }

            errors.Add("hazards", HazardFormat, "'hazards' must be type:severity pairs separated by |, e.g. soil-salinization:high|flooding:low.");
            break;
        }

        return hazards;
    }
}
