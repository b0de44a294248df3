using System.Globalization;
using Migration.Identifiers;

namespace Migration.ProgramRun.Scenario;

/// <summary>
/// Generates stage 1 of the program from a seed: the same seed and factor give the same scenario, byte for byte. The
/// factor scales the people (and so the households, units, vacancies and quotas): 1 is stage 1 itself (6,674 people in
/// 125 settlements), 0.05 a demo of about 330 people, 10 or 100 a load test. The 125 origins and the destinations stay;
/// both groups of origins keep their exact totals at every scale.
/// </summary>
public static class ScenarioGenerator
{
    public const decimal DefaultFactor = 0.05m;

    /// <summary>Ages are counted at this year, so that the case service's working-age rule of today sees working adults.</summary>
    public const int AgeReferenceYear = 2025;

    private static readonly bool[] HazardGroups = [true, false];
    private static readonly int[] SizeWeights = [7, 13, 17, 20, 17, 12, 7, 4, 3]; // sizes 1–9, mean ≈ 4.3
    private static readonly string[] BankCodes = ["856", "601", "722", "965", "998"];
    private const decimal WithdrawalShare = 0.02m, AccountClosedShare = 0.02m, HomePurchaseShare = 0.04m, WaitlistShare = 0.04m;

    public static ProgramScenario Generate(int seed, decimal factor = DefaultFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        var rng = new Random(seed);
        var settlements = StageOne.Settlements;
        var destinations = settlements.Where(s => s.Role == SettlementRole.Destination).ToList();
        var regular = destinations.Where(d => d.Kato != StageOne.WaitlistDestination).ToList();
        var iins = new HashSet<string>(StringComparer.Ordinal);
        var serial = rng.Next(0, 10_000);

        var households = new List<PlannedHousehold>();
        foreach (var (origins, people) in PeoplePerGroup(settlements, factor))
        {
            var target = origins.Select(o => o.People * factor).ToArray();
            var left = people;
            while (left > 0)
            {
                var size = Math.Min(left, DrawSize(rng));
                left -= size;
                // The origin furthest below its share takes the family: exact group totals, settlements near their share.
                var at = Enumerable.Range(0, origins.Count).MaxBy(i => target[i]);
                target[at] -= size;
                var origin = origins[at];
                var members = Members(rng, size, iins, ref serial);
                var destination = regular[rng.Next(regular.Count)].Kato;
                var year = rng.NextDouble() switch { < 0.30 => 2004, < 0.65 => 2005, _ => 2006 };
                households.Add(new PlannedHousehold(households.Count + 1, origin.Kato, origin.Oblast, members, destination, year,
                    Account(rng), Account(rng), HouseholdFate.Relocates, null, false));
            }
        }

        households = Fates(rng, households);
        return Stock(rng, new ProgramScenario(seed, factor, settlements, households, [], [], [], [], []), destinations);
    }

    /// <summary>The hazard group's and the low-potential group's origins with their people at this scale (exact totals).</summary>
    private static IEnumerable<(List<ScenarioSettlement> Origins, int People)> PeoplePerGroup(IReadOnlyList<ScenarioSettlement> settlements, decimal factor) =>
        HazardGroups.Select(hazard =>
        {
            var origins = settlements.Where(s => s.Role == SettlementRole.Origin && s.Hazard is not null == hazard).ToList();
            return (origins, (int)Math.Round(origins.Sum(o => o.People) * factor, MidpointRounding.AwayFromZero));
        });

    private static int DrawSize(Random rng)
    {
        var pick = rng.Next(SizeWeights.Sum());
        for (var i = 0; i < SizeWeights.Length; i++)
        {
            if (pick < SizeWeights[i]) return i + 1;
            pick -= SizeWeights[i];
        }

        return SizeWeights.Length;
    }

    /// <summary>A head, often a spouse, sometimes an elderly parent, and children: real family shapes with coded IINs.</summary>
    private static List<PlannedPerson> Members(Random rng, int size, HashSet<string> iins, ref int serial)
    {
        var surname = Names.Surnames[rng.Next(Names.Surnames.Length)];
        var headMale = rng.NextDouble() < 0.8;
        var headAge = rng.Next(25, 58);
        var father = Names.MaleNames[rng.Next(Names.MaleNames.Length)];
        var members = new List<PlannedPerson> { Person(rng, iins, ref serial, surname, headMale, headAge, "head", father, Worker(rng, 0.75)) };
        if (size >= 2 && rng.NextDouble() < 0.85)
            members.Add(Person(rng, iins, ref serial, surname, !headMale, Math.Max(20, headAge + rng.Next(-5, 4)), "spouse",
                Names.MaleNames[rng.Next(Names.MaleNames.Length)], Worker(rng, 0.5)));
        if (members.Count < size && size >= 5 && rng.NextDouble() < 0.4)
            members.Add(Person(rng, iins, ref serial, surname, rng.NextDouble() < 0.4, Math.Min(85, headAge + rng.Next(22, 30)), "parent",
                Names.MaleNames[rng.Next(Names.MaleNames.Length)], ("pensioner", null)));
        var childFather = headMale ? members[0].FirstName : Names.MaleNames[rng.Next(Names.MaleNames.Length)];
        while (members.Count < size)
        {
            var age = rng.Next(0, Math.Min(24, Math.Max(1, headAge - 17)));
            var job = age switch { < 7 => ("child", (string?)null), < 18 => ("student", null), _ => Worker(rng, 0.6) };
            members.Add(Person(rng, iins, ref serial, surname, rng.NextDouble() < 0.5, age, "child", childFather, job));
        }

        return members;
    }

    private static (string Employment, string? Occupation) Worker(Random rng, double employed) =>
        (rng.NextDouble() < employed ? "employed" : "unemployed", Names.Occupations[rng.Next(Names.Occupations.Length)]);

    private static PlannedPerson Person(
        Random rng, HashSet<string> iins, ref int serial, string surname, bool male, int age, string relationship, string father,
        (string Employment, string? Occupation) job)
    {
        var birth = new DateOnly(AgeReferenceYear - age - 1, 1, 1).AddDays(rng.Next(0, 365));
        var sex = male ? Sex.Male : Sex.Female;
        string iin;
        while (true)
        {
            serial = (serial + 1) % 10_000;
            if (Iin.Create(birth, sex, serial) is { } candidate && iins.Add(candidate.Value))
            {
                iin = candidate.Value;
                break;
            }
        }

        var first = male ? Names.MaleNames[rng.Next(Names.MaleNames.Length)] : Names.FemaleNames[rng.Next(Names.FemaleNames.Length)];
        return new PlannedPerson(iin, male ? surname : Names.Feminine(surname), first, Names.Patronymic(father, !male), birth, sex, relationship,
            job.Employment, job.Occupation);
    }

    private static string Account(Random rng) =>
        Iban.Create(BankCodes[rng.Next(BankCodes.Length)], string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + rng.Next(10))))).Value;

    /// <summary>
    /// A few households withdraw (before and after approval), a few have a closed account, a few buy a home with the
    /// certificate, and a few choose the destination whose houses are late. From ten households on, each happens at least once.
    /// </summary>
    private static List<PlannedHousehold> Fates(Random rng, List<PlannedHousehold> households)
    {
        var order = households.Select((_, i) => i).OrderBy(_ => rng.Next()).ToList();
        var each = households.Count >= 10;
        int Count(decimal share) => Math.Max(each ? 1 : 0, (int)Math.Round(households.Count * share, MidpointRounding.AwayFromZero));
        var taken = 0;
        List<int> Take(int n)
        {
            var picked = order.Skip(taken).Take(n).ToList();
            taken += picked.Count;
            return picked;
        }

        foreach (var i in Take(Count(WithdrawalShare))) households[i] = households[i] with { Fate = HouseholdFate.WithdrawsBeforeApproval };
        foreach (var i in Take(Count(WithdrawalShare))) households[i] = households[i] with { Fate = HouseholdFate.WithdrawsAfterApproval };
        foreach (var i in Take(Math.Max(each ? 2 : 0, (int)Math.Round(households.Count * WaitlistShare, MidpointRounding.AwayFromZero))))
            households[i] = households[i] with { PlannedDestination = StageOne.WaitlistDestination };
        foreach (var i in Take(Count(AccountClosedShare))) households[i] = households[i] with { AccountClosed = true };
        foreach (var i in Take(Count(HomePurchaseShare)))
        {
            var appraised = rng.Next(30, 60) * 100_000m;
            households[i] = households[i] with { HomePurchase = new HomePurchase(appraised + rng.Next(0, 5) * 100_000m, appraised) };
        }

        return households;
    }

    /// <summary>Employers and vacancies for the families' trades, a dwelling for each family that plans to come, quotas and budget lines.</summary>
    private static ProgramScenario Stock(Random rng, ProgramScenario scenario, List<ScenarioSettlement> destinations)
    {
        var employers = new List<PlannedEmployer>();
        var vacancies = new List<PlannedVacancy>();
        var units = new List<PlannedUnit>();
        var bins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var destination in destinations)
        {
            var coming = scenario.Households.Where(h => h.PlannedDestination == destination.Kato).ToList();
            var name = destination.NameRu[(destination.NameRu.IndexOf('.', StringComparison.Ordinal) + 1)..];
            var own = new[] { ("ТОО «Агрофирма", true), ("КХ «Береке", false) }.Select(e => new PlannedEmployer(NewBin(rng, bins, e.Item2), $"{e.Item1} {name}»", destination.Kato)).ToList();
            employers.AddRange(own);
            var trades = coming.SelectMany(h => h.Members).Where(m => m.Employment is "employed" or "unemployed" && m.Occupation is not null)
                .GroupBy(m => m.Occupation!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            for (var t = 0; t < trades.Count; t++)
                vacancies.Add(new PlannedVacancy(own[t % own.Count].Bin, destination.Kato, trades[t].Key, (int)Math.Ceiling(trades[t].Count() * 0.7),
                    rng.Next(90, 240) * 500m));

            var late = destination.Kato == StageOne.WaitlistDestination;
            var sizes = late ? Enumerable.Repeat(9, coming.Count / 2).ToList()
                : [.. coming.Select(h => h.Size).Concat(Enumerable.Repeat(9, (int)Math.Ceiling(coming.Count * 0.1)))];
            for (var n = 0; n < sizes.Count; n++) units.Add(Unit(rng, destination.Kato, scenario.Seed, n + 1, sizes[n], late));
        }

        var quotas = StageOne.ReceivingOblasts.SelectMany(oblast => StageOne.Years.Select(year =>
        {
            var coming = scenario.Households.Where(h => h.ProgramYear == year && h.PlannedDestination[..2] == oblast).ToList();
            return new PlannedQuota(oblast, year, (int)Math.Ceiling(coming.Count * 1.1) + 2, (int)Math.Ceiling(coming.Sum(h => h.Size) * 1.1) + 10);
        })).ToList();
        return scenario with { Employers = employers, Vacancies = vacancies, Units = units, Quotas = quotas, BudgetLines = Budgets(scenario) };
    }

    private static string NewBin(Random rng, HashSet<string> bins, bool legalEntity)
    {
        while (true)
        {
            var bin = Bin.Create(rng.Next(1998, 2004), rng.Next(1, 13), BinEntityType.ResidentLegalEntity,
                legalEntity ? BinDivisionType.HeadOffice : BinDivisionType.PeasantFarm, rng.Next(0, 100_000));
            if (bin is { } b && bins.Add(b.Value)) return b.Value;
        }
    }

    private static PlannedUnit Unit(Random rng, string kato, int seed, int number, int capacity, bool late)
    {
        var (type, rooms, area) = capacity switch
        {
            <= 2 => ("flat", 1, 38m),
            <= 4 => ("flat", capacity - 1, 50m + capacity * 6),
            _ => ("house", capacity / 2 + 1, 70m + capacity * 8),
        };
        var address = string.Create(CultureInfo.InvariantCulture, $"мкр. Жана Коныс-{seed}, д. {number}");
        return new PlannedUnit(kato, type, address, rooms, area, capacity, rng.Next(25, 90) * 100_000m, rng.NextDouble() < 0.7 ? "new" : "good", late);
    }

    /// <summary>
    /// The republican KZT 67.5 billion of 2004–2006 by year (20, 22.5, 25 billion) and by receiving oblast in proportion to the
    /// people planned there; local lines per oblast and year pay the rent compensation. Above factor 1 the lines grow with it,
    /// so a load test is not stopped by the real budget.
    /// </summary>
    private static List<PlannedBudgetLine> Budgets(ProgramScenario scenario)
    {
        var grow = Math.Max(1m, scenario.Factor);
        var byYear = new[] { 20_000_000_000m, 22_500_000_000m, 25_000_000_000m };
        var people = StageOne.ReceivingOblasts.Select(o => (decimal)scenario.Households.Where(h => h.PlannedDestination[..2] == o).Sum(h => h.Size) + 1).ToList();
        var lines = new List<PlannedBudgetLine>();
        for (var y = 0; y < StageOne.Years.Length; y++)
        {
            var year = StageOne.Years[y];
            var left = byYear[y] * grow;
            for (var o = 0; o < StageOne.ReceivingOblasts.Length; o++)
            {
                var amount = o == StageOne.ReceivingOblasts.Length - 1 ? left : Math.Round(byYear[y] * grow * people[o] / people.Sum(), 0);
                left -= amount;
                lines.Add(new PlannedBudgetLine(year, "republican", StageOne.ReceivingOblasts[o], amount, $"State Program stage 1, republican budget {year}"));
            }

            lines.AddRange(StageOne.ReceivingOblasts.Select(o =>
                new PlannedBudgetLine(year, "local", o, 1_000_000_000m * grow, $"maslikhat decision {year}: rent compensation of migrants")));
        }

        return lines;
    }
}
