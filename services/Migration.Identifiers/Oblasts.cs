namespace Migration.Identifiers;

/// <summary>
/// The first two digits of KATO codes: oblasts and cities of republican significance.
/// Current codes (2022 edition) and the codes that existed in 2004 and have since been retired.
/// </summary>
public static class Oblasts
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["10"] = "Abai",
        ["11"] = "Akmola",
        ["15"] = "Aktobe",
        ["19"] = "Almaty oblast",
        ["23"] = "Atyrau",
        ["27"] = "West Kazakhstan",
        ["31"] = "Zhambyl",
        ["33"] = "Zhetisu",
        ["35"] = "Karaganda",
        ["39"] = "Kostanay",
        ["43"] = "Kyzylorda",
        ["47"] = "Mangystau",
        ["51"] = "South Kazakhstan (until 2018)",
        ["55"] = "Pavlodar",
        ["59"] = "North Kazakhstan",
        ["61"] = "Turkistan",
        ["62"] = "Ulytau",
        ["63"] = "East Kazakhstan",
        ["71"] = "Astana",
        ["75"] = "Almaty city",
        ["79"] = "Shymkent",
    };

    /// <summary>The claim value that grants every oblast.</summary>
    public const string All = "*";

    public static bool IsKnown(string code) => Names.ContainsKey(code);

    public static string? NameOf(string code) => Names.GetValueOrDefault(code);

    public static IReadOnlyCollection<string> Codes => Names.Keys;
}
