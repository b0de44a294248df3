namespace Migration.Contracts.Registry;

/// <summary>
/// A registry clerk certified or recertified a rural settlement: its current state, published at every certification
/// (consumers keep the latest by <see cref="CertifiedAt"/>).
/// </summary>
/// <param name="Kato">The settlement's 9-digit KATO code.</param>
/// <param name="Name">The settlement's name (Russian, as in the classifier unless the clerk gave one).</param>
/// <param name="NameKk">The Kazakh name, when recorded.</param>
/// <param name="Oblast">The 2-digit KATO oblast code.</param>
/// <param name="District">The district's name in the classifier.</param>
/// <param name="ClimateZone">desert, semi-desert, steppe, forest-steppe or mountain, when recorded.</param>
/// <param name="PotentialClass">"high", "medium" or "low": the effective class (an override wins over the score).</param>
/// <param name="PotentialScore">The scoring model's score (0–100), when computed from indicators.</param>
/// <param name="HasEnvironmentalHazard">Whether the settlement lies in an area of environmental problems.</param>
/// <param name="Hazards">The hazards recorded, with their severity.</param>
/// <param name="Population">People living there, from the passport.</param>
/// <param name="Households">Households, from the passport.</param>
/// <param name="CertifiedAt">When the certification was recorded.</param>
public sealed record SettlementCertified(
    string Kato,
    string Name,
    string? NameKk,
    string Oblast,
    string? District,
    string? ClimateZone,
    string PotentialClass,
    decimal? PotentialScore,
    bool HasEnvironmentalHazard,
    IReadOnlyList<SettlementHazard> Hazards,
    int? Population,
    int? Households,
    DateTimeOffset CertifiedAt);

/// <summary>An environmental hazard: its type (e.g. soil-salinization, radiation) and severity (low, medium, high).</summary>
public sealed record SettlementHazard(string Type, string Severity);

/// <summary>A settlement's effective potential class changed, by recertification or a clerk's override.</summary>
public sealed record SettlementPotentialReclassified(string Kato, string Previous, string Current, string Reason, DateTimeOffset At);
