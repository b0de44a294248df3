using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Migration.Identifiers;

/// <summary>
/// The individual identification number (IIN): twelve digits <c>YYMMDD C SSSS K</c>: the birth date,
/// one digit for century and sex (1/2 = 1800s male/female, 3/4 = 1900s, 5/6 = 2000s), a four-digit
/// serial and the check digit of <see cref="ComputeCheckDigit"/>.
/// </summary>
/// <remarks>
/// An IIN is personal data: write <see cref="Masked"/> to logs, never <see cref="Value"/>.
/// For the same reason <see cref="Parse"/> does not repeat the refused value in its exception.
/// </remarks>
public readonly record struct Iin
{
    public const int Length = 12;

    /// <summary>How many digits stay visible at each end of <see cref="Masked"/>.</summary>
    public const int MaskedVisibleHead = 4, MaskedVisibleTail = 2;

    private const int FirstCentury = 1800, LastYear = 2099, MaxSerial = 9999;

    private Iin(string value) => Value = value;

    public string Value { get; }

    /// <summary>The birth date, the century read from the seventh digit.</summary>
    public DateOnly BirthDate => ReadBirthDate(Value)!.Value;

    public Sex Sex => (Value[6] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>The four-digit serial (digits 8–11).</summary>
    public int Serial => int.Parse(Value.AsSpan(7, 4), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>
    /// For logs: the first four digits (year and month of birth) and the last two stay visible,
    /// the six between are starred, e.g. <c>7910******28</c>. Day of birth, sex and most of the serial are hidden.
    /// </summary>
    public string Masked => string.Concat(Value.AsSpan(0, MaskedVisibleHead), new string('*', Length - MaskedVisibleHead - MaskedVisibleTail), Value.AsSpan(Length - MaskedVisibleTail));

    /// <summary>Whether the number was issued to someone born on <paramref name="birthDate"/> of <paramref name="sex"/>.</summary>
    public bool AgreesWith(DateOnly birthDate, Sex sex) => BirthDate == birthDate && Sex == sex;

    public override string ToString() => Value;

    public static IinValidation Validate(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate)) return IinValidation.Missing;
        if (candidate.Length != Length || !Checksum11.AreAsciiDigits(candidate)) return IinValidation.NotTwelveDigits;
        if (CenturyOf(candidate[6]) is null) return IinValidation.UnknownCenturyDigit;
        if (ReadBirthDate(candidate) is null) return IinValidation.NotARealDate;
        return Checksum11.Compute(candidate.AsSpan(0, 11)) switch
        {
            null => IinValidation.NeverIssued,
            var check when check == candidate[11] - '0' => IinValidation.Valid,
            _ => IinValidation.CheckDigitMismatch,
        };
    }

    public static bool TryParse(string? candidate, [NotNullWhen(true)] out Iin? iin)
    {
        iin = Validate(candidate) == IinValidation.Valid ? new Iin(candidate!) : null;
        return iin is not null;
    }

    /// <exception cref="FormatException">The message names the reason but not the value (personal data).</exception>
    public static Iin Parse(string candidate) =>
        TryParse(candidate, out var iin)
            ? iin.Value
            : throw new FormatException($"The value is not an IIN: {Validate(candidate)}.");

    /// <summary>
    /// The check digit of the first eleven digits: weights 1..11 mod 11, and when that gives 10 a second pass
    /// with weights 3..11,1,2 mod 11. Null when the second pass gives 10 too: such numbers are never issued.
    /// </summary>
    /// <exception cref="ArgumentException">Unless exactly eleven ASCII digits are given.</exception>
    public static int? ComputeCheckDigit(ReadOnlySpan<char> first11) => Checksum11.Compute(first11);

    /// <summary>
    /// Builds the IIN of someone born on <paramref name="birthDate"/> (years 1800–2099) with the given sex and serial (0–9999).
    /// Returns null when that serial gives a never-issued number (about one serial in 121);
    /// the serial is not silently changed: a generator that needs a number takes the next serial itself.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Year, sex or serial out of range.</exception>
    public static Iin? Create(DateOnly birthDate, Sex sex, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(birthDate.Year, FirstCentury, nameof(birthDate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(birthDate.Year, LastYear, nameof(birthDate));
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial);
        if (!Enum.IsDefined(sex)) throw new ArgumentOutOfRangeException(nameof(sex), sex, "Male or Female.");

        var centuryDigit = (birthDate.Year / 100 - FirstCentury / 100) * 2 + (sex == Sex.Male ? 1 : 2);
        var first11 = string.Create(CultureInfo.InvariantCulture, $"{birthDate:yyMMdd}{centuryDigit}{serial:D4}");
        return Checksum11.Compute(first11) is { } check
            ? new Iin(first11 + (char)('0' + check))
            : null;
    }

    private static int? CenturyOf(char digit) => digit switch
    {
        '1' or '2' => 1800,
        '3' or '4' => 1900,
        '5' or '6' => 2000,
        _ => null,
    };

    private static DateOnly? ReadBirthDate(string value)
    {
        if (CenturyOf(value[6]) is not { } century) return null;
        var year = century + (value[0] - '0') * 10 + (value[1] - '0');
        var month = (value[2] - '0') * 10 + (value[3] - '0');
        var day = (value[4] - '0') * 10 + (value[5] - '0');
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }
}

public enum Sex
{
    Male,
    Female,
}

public enum IinValidation
{
    Valid,
    Missing,
    NotTwelveDigits,
    /// <summary>The seventh digit is not 1–6 (0, 7, 8 and 9 encode no century).</summary>
    UnknownCenturyDigit,
    /// <summary>The birth date with its century is not a calendar date (month 13, 29 February 1900, …).</summary>
    NotARealDate,
    CheckDigitMismatch,
    /// <summary>Both checksum passes give 10: no number with these first eleven digits is ever issued.</summary>
    NeverIssued,
}
