using System.Text;
using Migration.Identifiers;
using Migration.Registry.Households;

namespace Migration.Benchmarks;

/// <summary>A generated household: where it lives and its members, as the registry stores them.</summary>
public sealed record GeneratedHousehold(int Number, string Kato, IReadOnlyList<Person> Members, Contact Contact);

/// <summary>
/// A deterministic national population: real settlement codes of the classifier the registry ships with, households
/// of 1–9 people (about 4 on average, as rural Kazakhstan), valid IINs that agree with each person's birth date and
/// sex, Kazakh and Russian names. The same seed gives the same people, so the raw append and the import see the same.
/// </summary>
public sealed class NationalData(int settlements, int persons, int seed)
{
    /// <summary>Household sizes 1..9 and their weights (mean ≈ 4.0).</summary>
    private static readonly int[] SizeWeights = [10, 16, 18, 18, 15, 11, 6, 4, 2];

    private static readonly DateOnly Today = new(2025, 1, 1);

    private static readonly string[] Streets = ["ул. Абая", "ул. Достык", "ул. Бейбітшілік", "ул. Жамбыла", "ул. Ленина", "ул. Тәуелсіздік"];

    public int Persons => persons;

    /// <summary>The settlements' KATO codes: a seeded sample of the classifier's settlements, in code order.</summary>
    public IReadOnlyList<string> SettlementCodes { get; } = Sample(settlements, seed);

    public IEnumerable<GeneratedHousehold> Households()
    {
        var random = new Random(seed);
        var serials = new Dictionary<(DateOnly, Sex), int>();
        var left = persons;
        for (var number = 1; left > 0; number++)
        {
            var size = Math.Min(left, Size(random));
            left -= size;
            yield return Household(random, serials, number, size);
        }
    }

    private GeneratedHousehold Household(Random random, Dictionary<(DateOnly, Sex), int> serials, int number, int size)
    {
        var kato = SettlementCodes[random.Next(SettlementCodes.Count)];
        var (surname, kazakh) = KazakhNames.Family(random);
        var headMale = random.Next(100) < 80;
        var headBorn = Born(random, 1945, 2000);
        var head = Member(random, serials, surname, kazakh, headMale, headBorn, Relationship.Head, KazakhNames.FatherName(random, kazakh));
        var members = new List<Person>(size) { head };
        if (size >= 2)
            members.Add(Member(random, serials, surname, kazakh, !headMale, Born(random, headBorn.Year - 5, headBorn.Year + 5), Relationship.Spouse, KazakhNames.FatherName(random, kazakh)));
        if (size >= 7)
            members.Add(Member(random, serials, surname, kazakh, random.Next(2) == 0, Born(random, headBorn.Year - 35, headBorn.Year - 20), Relationship.Grandparent, KazakhNames.FatherName(random, kazakh)));
        var father = headMale ? head.FirstName : KazakhNames.FatherName(random, kazakh);
        while (members.Count < size)
        {
            var born = Born(random, Math.Min(headBorn.Year + 20, Today.Year - 1), Math.Min(headBorn.Year + 45, Today.Year - 1));
            members.Add(Member(random, serials, surname, kazakh, random.Next(2) == 0, born, Relationship.Child, father));
        }

        var contact = new Contact($"+7 7{random.Next(0, 100):D2} {random.Next(0, 1000):D3} {random.Next(0, 100):D2} {random.Next(0, 100):D2}",
            $"{Streets[random.Next(Streets.Length)]}, {random.Next(1, 200)}" + (random.Next(10) == 0 ? $"; кв. {random.Next(1, 40)}" : ""));
        return new GeneratedHousehold(number, kato, members, contact);
    }

    private static Person Member(Random random, Dictionary<(DateOnly, Sex), int> serials, string surname, bool kazakh, bool male, DateOnly born,
        Relationship relationship, string father)
    {
        var sex = male ? Sex.Male : Sex.Female;
        var age = Today.Year - born.Year;
        var employment = age switch
        {
            < 7 => EmploymentStatus.Child,
            < 18 => EmploymentStatus.Student,
            >= 63 => EmploymentStatus.Pensioner,
            _ => random.Next(100) switch
            {
                < 60 => EmploymentStatus.Employed,
                < 72 => EmploymentStatus.SelfEmployed,
                < 85 => EmploymentStatus.Unemployed,
                _ => EmploymentStatus.Homemaker,
            },
        };
        var occupation = employment is EmploymentStatus.Employed or EmploymentStatus.SelfEmployed
            ? random.Next(20) == 0 ? "ТОО \"Агро\"; механизатор" : random.Next(2) == 0 ? "тракторист" : "мұғалім"
            : null;
        var disability = random.Next(100) < 3 ? Disability.Group3 : Disability.None;
        return new Person(NextIin(serials, born, sex), KazakhNames.Surname(surname, male), KazakhNames.FirstName(random, kazakh, male),
            KazakhNames.Patronymic(father, kazakh, male), born, sex, relationship, employment, occupation, disability);
    }

    /// <summary>The next unused IIN of that birth date and sex (serials that give a never-issued number are skipped).</summary>
    private static string NextIin(Dictionary<(DateOnly, Sex), int> serials, DateOnly born, Sex sex)
    {
        var serial = serials.GetValueOrDefault((born, sex));
        while (true)
        {
            var iin = Iin.Create(born, sex, serial++);
            if (iin is null) continue;
            serials[(born, sex)] = serial;
            return iin.Value.Value;
        }
    }

    private static DateOnly Born(Random random, int fromYear, int toYear)
    {
        var from = new DateOnly(Math.Max(1920, fromYear), 1, 1);
        var to = new DateOnly(Math.Min(Today.Year - 1, Math.Max(fromYear, toYear)), 12, 31);
        return from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
    }

    private static int Size(Random random)
    {
        var roll = random.Next(SizeWeights.Sum());
        for (var i = 0; i < SizeWeights.Length; i++)
        {
            if (roll < SizeWeights[i]) return i + 1;
            roll -= SizeWeights[i];
        }

        return SizeWeights.Length;
    }

    private static List<string> Sample(int count, int seed)
    {
        var file = Directory.GetFiles(Path.Combine(Repository.Root, "services", "Migration.Registry", "Reference"), "kato-*.csv").Max()!;
        var codes = File.ReadLines(file, Encoding.UTF8).Skip(1)
            .Select(line => line.Split(';'))
            .Where(f => f.Length >= 4 && f[2].Length == 9 && f[2][6..] != "000")
            .Select(f => f[2])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        new Random(seed).Shuffle(codes);
        return codes.Take(Math.Min(count, codes.Length)).Order(StringComparer.Ordinal).ToList();
    }
}
