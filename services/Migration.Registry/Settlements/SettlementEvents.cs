namespace Migration.Registry.Settlements;

/// <summary>What every certification records: the settlement's place, its passport and its assessed potential.</summary>
public sealed record Certification(
    string Kato,
    string KatoEdition,
    string NameRu,
    string? NameKk,
    string Oblast,
    string? District,
    string? RuralOkrug,
    ClimateZone? ClimateZone,
    Coordinates? Coordinates,
    Indicators? Indicators,
    IReadOnlyList<Hazard> Hazards,
    PotentialAssessment Potential,
    PotentialOverride? Override,
    string CertifiedBy,
    DateTimeOffset CertifiedAt)
{
    public PotentialClass EffectiveClass => Override?.Class ?? Potential.Class;
}

/// <summary>A registry clerk certified a settlement: the first entry of its passport.</summary>
public sealed record SettlementCertified(Certification Certification);

/// <summary>A registry clerk recertified a settlement with newer indicators; the history keeps every certification.</summary>
public sealed record SettlementRecertified(Certification Certification);

/// <summary>A registry clerk set the settlement's class by hand, with a reason, over the computed one.</summary>
public sealed record SettlementPotentialOverridden(string Kato, PotentialClass Previous, PotentialOverride Override);

/// <summary>The settlement's effective class changed, by recertification or by an override.</summary>
public sealed record SettlementPotentialReclassified(string Kato, PotentialClass Previous, PotentialClass Current, string Reason, DateTimeOffset At);
