using System.Globalization;

namespace Migration.ProgramRun.Scenario;

/// <summary>
/// The facts of stage 1 (2004–2006) of the State Program of Rural Territories Development that the scenario keeps, and its
/// settlements: real codes of the KATO classifier (edition 2022-10-17), chosen once and embedded so that a run depends
/// on nothing outside the program (see Scenario/stage1-settlements.csv for how they were derived).
/// </summary>
public static class StageOne
{
    public const int OriginSettlements = 125;
    public const int HazardSettlements = 3;
    public const int HazardPeople = 642;
    public const int LowPotentialPeople = 6_032;
    public const int People = HazardPeople + LowPotentialPeople;
    public const decimal RepublicanBudgetKzt = 67_500_000_000m;
    public static readonly int[] Years = [2004, 2005, 2006];

    /// <summary>The receiving oblasts the program names: Kyzylorda, West Kazakhstan, Karaganda.</summary>
    public static readonly string[] ReceivingOblasts = ["43", "27", "35"];

    /// <summary>Its houses are finished late (fewer than the families choosing it), so some families wait for housing.</summary>
    public const string WaitlistDestination = "353237100";

    private static readonly Lazy<IReadOnlyList<ScenarioSettlement>> Loaded = new(Load);

    public static IReadOnlyList<ScenarioSettlement> Settlements => Loaded.Value;

    private static List<ScenarioSettlement> Load()
    {
        using var stream = typeof(StageOne).Assembly.GetManifestResourceStream("stage1-settlements.csv")
            ?? throw new InvalidOperationException("The embedded stage1-settlements.csv is missing.");
        using var reader = new StreamReader(stream);
        var rows = new List<ScenarioSettlement>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (header)
            {
                header = false;
                continue;
            }

            var f = line.Split(';');
            rows.Add(new ScenarioSettlement(f[0], f[1], f[2], f[3] == "origin" ? SettlementRole.Origin : SettlementRole.Destination, f[4],
                f[5].Length == 0 ? null : f[5], f[6], int.Parse(f[7], CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
