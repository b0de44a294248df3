using Migration.ServiceDefaults.Importing;

namespace Migration.HousingAllocation.Importing;

/// <summary>The columns of a housing-stock import file (see docs/api.md): one unit per row.</summary>
public sealed record ImportFormat(ImportKind Kind, IReadOnlyList<string> Columns, IReadOnlyList<string> Required) : IImportFormat
{
    public static readonly ImportFormat Units = new(
        ImportKind.Units,
        ["settlementKato", "type", "address", "rooms", "floorArea", "capacity", "appraisedValue", "condition"],
        ["settlementKato", "type", "address", "rooms", "floorArea", "capacity", "appraisedValue", "condition"]);

    public static ImportFormat Of(ImportKind kind) => kind == ImportKind.Units ? Units : throw new ArgumentOutOfRangeException(nameof(kind));
}
