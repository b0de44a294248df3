using Migration.ServiceDefaults.Importing;

namespace Migration.Registry.Importing;

/// <summary>The columns of each kind of import file (see docs/api.md, "Imports").</summary>
public sealed record ImportFormat(ImportKind Kind, IReadOnlyList<string> Columns, IReadOnlyList<string> Required) : IImportFormat
{
    public static readonly ImportFormat Settlements = new(
        ImportKind.Settlements,
        [
            "kato", "nameRu", "nameKk", "climateZone", "latitude", "longitude", "asOf", "population", "households", "workingAge", "unemployed",
            "averageMonthlyIncome", "subsistenceMinimum", "waterSupply", "electricity", "gas", "pavedRoad", "school", "medicalPost", "internet",
            "arableLandHectares", "hazards", "potentialClass", "overrideReason",
        ],
        ["kato"]);

    /// <summary>One row per person; the rows of a household are contiguous and share its <c>householdRef</c>.</summary>
    public static readonly ImportFormat Households = new(
        ImportKind.Households,
        [
            "householdRef", "settlementKato", "iin", "lastName", "firstName", "patronymic", "birthDate", "sex", "relationship", "employment",
            "occupation", "disability", "phone", "address",
        ],
        ["householdRef", "settlementKato", "iin", "lastName", "firstName", "birthDate", "sex", "relationship", "employment"]);

    public static ImportFormat Of(ImportKind kind) => kind == ImportKind.Settlements ? Settlements : Households;
}
