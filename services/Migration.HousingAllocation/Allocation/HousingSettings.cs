namespace Migration.HousingAllocation.Allocation;

/// <summary>Bound from the <c>Housing</c> configuration section.</summary>
public sealed class HousingSettings
{
    public const string Section = "Housing";

    /// <summary>How long a reservation holds a unit before it lapses by itself.</summary>
    public TimeSpan ReservationPeriod { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How often the service looks for reservations past their expiry.</summary>
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(30);
}
