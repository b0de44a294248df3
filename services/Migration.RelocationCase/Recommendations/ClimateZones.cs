namespace Migration.RelocationCase.Recommendations;

public enum ClimateMatch
{
    Unknown,
    Different,
    Similar,
    Same,
}

/// <summary>
/// How alike two climate zones are. Zones next to each other on the dry-to-wet gradient of the plains are similar:
/// desert ~ semi-desert ~ steppe ~ forest-steppe (one step only). Mountain climate is similar to none.
/// </summary>
public static class ClimateZones
{
    private static readonly string[] Gradient = ["desert", "semi-desert", "steppe", "forest-steppe"];

    public static ClimateMatch Compare(string? here, string? there)
    {
        if (string.IsNullOrWhiteSpace(here) || string.IsNullOrWhiteSpace(there)) return ClimateMatch.Unknown;
        if (string.Equals(here, there, StringComparison.OrdinalIgnoreCase)) return ClimateMatch.Same;
        var a = Array.FindIndex(Gradient, z => string.Equals(z, here, StringComparison.OrdinalIgnoreCase));
        var b = Array.FindIndex(Gradient, z => string.Equals(z, there, StringComparison.OrdinalIgnoreCase));
        return a >= 0 && b >= 0 && Math.Abs(a - b) == 1 ? ClimateMatch.Similar : ClimateMatch.Different;
    }
}
