namespace Migration.Contracts.Registry;

/// <summary>A registry clerk certified a rural settlement (its passport) and classified its development potential.</summary>
/// <param name="Kato">The settlement's 9-digit KATO code.</param>
/// <param name="Name">The settlement's name.</param>
/// <param name="Oblast">The 2-digit KATO oblast code.</param>
/// <param name="PotentialClass">"high", "medium" or "low".</param>
/// <param name="HasEnvironmentalHazard">Whether the settlement lies in an area of environmental problems.</param>
/// <param name="CertifiedAt">When the certification was recorded.</param>
public sealed record SettlementCertified(
    string Kato,
    string Name,
    string Oblast,
    string PotentialClass,
    bool HasEnvironmentalHazard,
    DateTimeOffset CertifiedAt);
