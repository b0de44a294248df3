namespace Migration.RelocationCase.Households;

/// <summary>
/// Who counts as of working age when destinations are matched with vacancies: bound from <c>Recommendations:WorkingAge</c>.
/// The defaults (16 to 62 for men, 16 to 60 for women, both ends included) are ours, not law: change them in configuration.
/// </summary>
public sealed class WorkingAge
{
    public int From { get; set; } = 16;

    public int ToMen { get; set; } = 62;

    public int ToWomen { get; set; } = 60;

    public bool Includes(KnownMember member, DateOnly day)
    {
        var age = AgeOn(member.BirthDate, day);
        var to = string.Equals(member.Sex, "female", StringComparison.OrdinalIgnoreCase) ? ToWomen : ToMen;
        return age >= From && age <= to;
    }

    /// <summary>Full years of age on <paramref name="day"/>.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return day < birthDate.AddYears(age) ? age - 1 : age;
    }

    public IEnumerable<string> Problems()
    {
        if (From < 0) yield return "Recommendations:WorkingAge:From must not be negative.";
        if (ToMen < From) yield return "Recommendations:WorkingAge:ToMen must not be below From.";
        if (ToWomen < From) yield return "Recommendations:WorkingAge:ToWomen must not be below From.";
    }
}
