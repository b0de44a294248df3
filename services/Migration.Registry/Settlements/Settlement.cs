using Marten.Events.Aggregation;

namespace Migration.Registry.Settlements;

/// <summary>A settlement's development potential, as the program classifies it.</summary>
public enum PotentialClass
{
    High,
    Medium,
    Low,
}

public static class PotentialClasses
{
    public static string ToWire(this PotentialClass value) => value.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out PotentialClass potential) =>
        Enum.TryParse(value, ignoreCase: true, out potential) && !int.TryParse(value, out _) && Enum.IsDefined(potential);
}

/// <summary>A registry clerk certified a settlement: the first entry of its passport.</summary>
public sealed record SettlementCertified(
    string Kato,
    string Name,
    string Oblast,
    PotentialClass PotentialClass,
    bool HasEnvironmentalHazard,
    string CertifiedBy,
    DateTimeOffset CertifiedAt);

/// <summary>A certified settlement as the registry knows it: the state its decisions start from, and its read model.</summary>
public sealed record Settlement(
    string Id,
    string Name,
    string Oblast,
    PotentialClass PotentialClass,
    bool HasEnvironmentalHazard,
    string CertifiedBy,
    DateTimeOffset CertifiedAt)
{
    /// <summary>The stream version, kept by Marten; sent as the ETag.</summary>
    public long Version { get; init; }
}

public partial class SettlementProjection : SingleStreamProjection<Settlement, string>
{
    public Settlement Create(SettlementCertified e) =>
        new(e.Kato, e.Name, e.Oblast, e.PotentialClass, e.HasEnvironmentalHazard, e.CertifiedBy, e.CertifiedAt);
}
