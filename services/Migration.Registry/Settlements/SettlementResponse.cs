using Migration.Identifiers;

namespace Migration.Registry.Settlements;

/// <summary>A certified settlement as the API shows it.</summary>
public sealed record SettlementResponse(
    string Kato,
    string Name,
    string Oblast,
    string? OblastName,
    string PotentialClass,
    bool EnvironmentalHazard,
    DateTimeOffset CertifiedAt,
    string CertifiedBy,
    long Version)
{
    public static SettlementResponse From(Settlement s) => new(
        s.Id, s.Name, s.Oblast, Oblasts.NameOf(s.Oblast), s.PotentialClass.ToWire(), s.HasEnvironmentalHazard,
        s.CertifiedAt, s.CertifiedBy, s.Version);
}
