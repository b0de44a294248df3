using Marten.Events.Aggregation;

namespace Migration.Registry.Settlements;

/// <summary>
/// A certified settlement as the registry knows it: its latest certification, and the fields lists filter on
/// (kept as plain fields so queries and indexes reach them).
/// </summary>
public sealed record Settlement(
    string Id,
    Certification Current,
    int Certifications,
    string Oblast,
    string? District,
    PotentialClass PotentialClass,
    bool HasEnvironmentalHazard,
    int Population)
{
    /// <summary>The stream version, kept by Marten; sent as the ETag.</summary>
    public long Version { get; init; }

    public static Settlement From(Certification certification, int certifications) => new(
        certification.Kato, certification, certifications, certification.Oblast, certification.District,
        certification.EffectiveClass, certification.Hazards.Count > 0, certification.Indicators?.Population ?? 0);
}

public partial class SettlementProjection : SingleStreamProjection<Settlement, string>
{
    public Settlement Create(SettlementCertified e) => Settlement.From(e.Certification, 1);

    public Settlement Apply(SettlementRecertified e, Settlement current) =>
        Settlement.From(e.Certification, current.Certifications + 1);

    public Settlement Apply(SettlementPotentialOverridden e, Settlement current) =>
        Settlement.From(current.Current with { Override = e.Override }, current.Certifications);
}
