using Migration.Identifiers;

namespace Migration.Testing;

/// <summary>Valid, unique IINs and people for tests: every call gives a person no other test in this process has.</summary>
public static class People
{
    private static int _serial = Random.Shared.Next(0, 5000);

    public static Iin NextIin(DateOnly birthDate, Sex sex)
    {
        while (true)
        {
            var serial = Interlocked.Increment(ref _serial) % 10_000;
            if (Iin.Create(birthDate, sex, serial) is { } iin) return iin;
        }
    }

    /// <summary>A person as the registry's API takes them.</summary>
    public static object Member(string relationship, DateOnly birthDate, Sex sex, string employment = "employed", string? occupation = "tractor driver") => new
    {
        iin = NextIin(birthDate, sex).Value,
        lastName = sex == Sex.Male ? "Абенов" : "Абенова",
        firstName = sex == Sex.Male ? "Ерлан" : "Айгуль",
        patronymic = sex == Sex.Male ? "Серикович" : "Маратовна",
        birthDate = birthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        sex = sex == Sex.Male ? "male" : "female",
        relationship,
        employment,
        occupation,
    };
}
