namespace Migration.HousingAllocation.Destinations;

/// <summary>
/// A certified settlement as the housing side knows it, fed by the registry's events: where housing stock can stand.
/// </summary>
public sealed record DestinationSettlement(
    string Id,
    string Name,
    string Oblast,
    string? District,
    string PotentialClass,
    bool HasEnvironmentalHazard,
    DateTimeOffset CertifiedAt,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Settlements of high or medium potential without hazards receive migrants.</summary>
    public bool CanReceiveMigrants => PotentialClass is "high" or "medium" && !HasEnvironmentalHazard;
}
