using System.Globalization;
using System.Text;
using Migration.ServiceDefaults.Http;

namespace Migration.Benchmarks;

/// <summary>Writes the generated population as the two import files, in the registry's CSV formats (see docs/api.md).</summary>
public static class NationalFiles
{
    private const string SettlementHeader =
        "kato;nameRu;nameKk;climateZone;latitude;longitude;asOf;population;households;workingAge;unemployed;averageMonthlyIncome;subsistenceMinimum;" +
        "waterSupply;electricity;gas;pavedRoad;school;medicalPost;internet;arableLandHectares;hazards;potentialClass;overrideReason";

    private const string HouseholdHeader = "householdRef;settlementKato;iin;lastName;firstName;patronymic;birthDate;sex;relationship;employment;occupation;disability;phone;address";

    private static readonly string[] Climates = ["desert", "semi-desert", "steppe", "forest-steppe", "mountain"];
    private static readonly string[] Hazards = ["", "", "", "soil-salinization:medium", "flooding:low", "desertification:high|water-shortage:medium"];

    public static async Task WriteSettlements(NationalData data, string path, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed + 1);
        await using var writer = Writer(path);
        await writer.WriteLineAsync(SettlementHeader);
        foreach (var kato in data.SettlementCodes)
        {
            var population = random.Next(50, 5_000);
            var workingAge = population * random.Next(50, 66) / 100;
            string Flag() => random.Next(100) < 70 ? "true" : "false";
            await writer.WriteLineAsync(string.Join(';',
                kato, "", "", Climates[random.Next(Climates.Length)], Coordinate(random, 41, 55), Coordinate(random, 47, 86), "2024-01-01",
                Number(population), Number(population / 4), Number(workingAge), Number(workingAge * random.Next(2, 25) / 100),
                Number(random.Next(60_000, 250_000)), "45000", Flag(), Flag(), Flag(), Flag(), Flag(), Flag(), Flag(),
                Number(random.Next(0, 20_000)), Hazards[random.Next(Hazards.Length)], "", ""));
        }
    }

    public static async Task WriteHouseholds(NationalData data, string path, CancellationToken cancellationToken)
    {
        await using var writer = Writer(path);
        await writer.WriteLineAsync(HouseholdHeader);
        foreach (var household in data.Households())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reference = "H" + Number(household.Number);
            foreach (var p in household.Members)
            {
                var contact = p.Relationship == Migration.Registry.Households.Relationship.Head;
                await writer.WriteLineAsync(string.Join(';',
                    reference, household.Kato, p.Iin, p.LastName, p.FirstName, p.Patronymic ?? "", p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    p.Sex.ToWire(), p.Relationship.ToWire(), p.Employment.ToWire(), Quote(p.Occupation ?? ""),
                    p.Disability == Migration.Registry.Households.Disability.None ? "" : p.Disability.ToWire(),
                    contact ? household.Contact.Phone : "", contact ? Quote(household.Contact.Address ?? "") : ""));
            }
        }
    }

    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Coordinate(Random random, int from, int to) =>
        (from + (decimal)random.Next(0, (to - from) * 10_000) / 10_000).ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(";\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
