namespace Migration.RelocationCase.Settlements;

/// <summary>
/// A certified settlement as caseworkers' decisions see it, fed by the registry's events:
/// its potential and hazards decide eligibility at the origin and fitness as a destination.
/// </summary>
public sealed record KnownSettlement(
    string Id,
    string Name,
    string Oblast,
    string? District,
    string? ClimateZone,
    string PotentialClass,
    bool HasEnvironmentalHazard,
    int? Population,
    DateTimeOffset CertifiedAt)
{
    /// <summary>Households may leave a settlement of low potential or one with an environmental hazard.</summary>
    public bool IsEligibleOrigin => PotentialClass == "low" || HasEnvironmentalHazard;

    /// <summary>The key of the lock that consumers rewriting this settlement take first (<see cref="ViewLocks"/>).</summary>
    public static string LockKey(string kato) => $"settlement/{kato}";
}
