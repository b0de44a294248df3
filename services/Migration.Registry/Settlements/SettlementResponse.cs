using Migration.Identifiers;

namespace Migration.Registry.Settlements;

public sealed record PotentialResponse(
    PotentialClass Class, decimal? Score, int? ModelVersion, PotentialSource Source, PotentialClass ComputedClass, PotentialOverride? Override);

/// <summary>A certified settlement as the API shows it.</summary>
public sealed record SettlementResponse(
    string Kato,
    string Name,
    string NameRu,
    string? NameKk,
    string Oblast,
    string? OblastName,
    string? District,
    string? RuralOkrug,
    string KatoEdition,
    ClimateZone? ClimateZone,
    Coordinates? Coordinates,
    Indicators? Indicators,
    IReadOnlyList<Hazard> Hazards,
    bool EnvironmentalHazard,
    PotentialClass PotentialClass,
    PotentialResponse Potential,
    int Certifications,
    DateTimeOffset CertifiedAt,
    string CertifiedBy,
    long Version)
{
    public static SettlementResponse From(Settlement s)
    {
        var c = s.Current;
        return new SettlementResponse(
            s.Id, c.NameRu, c.NameRu, c.NameKk, c.Oblast, Oblasts.NameOf(c.Oblast), c.District, c.RuralOkrug, c.KatoEdition,
            c.ClimateZone, c.Coordinates, c.Indicators, c.Hazards, s.HasEnvironmentalHazard, s.PotentialClass,
            new PotentialResponse(s.PotentialClass, c.Potential.Score, c.Potential.ModelVersion, c.Potential.Source, c.Potential.Class, c.Override),
            s.Certifications, c.CertifiedAt, c.CertifiedBy, s.Version);
    }
}
