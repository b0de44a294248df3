using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Migration.Identifiers;

/// <summary>
/// The business identification number (BIN): twelve digits <c>YYMM E D SSSSS K</c>: year and month of registration,
/// the entity type (4, 5, 6), the division type (0–3), a five-digit serial and the check digit, computed as for the IIN.
/// </summary>
public readonly record struct Bin
{
    public const int Length = 12;

    private const int MaxSerial = 99_999;

    private Bin(string value) => Value = value;

    public string Value { get; }

    /// <summary>The two-digit year of registration (0–99): the BIN does not say which century.</summary>
    public int RegisteredYearOfCentury => TwoDigits(Value, 0);

    /// <summary>The month of registration, 1–12.</summary>
    public int RegisteredMonth => TwoDigits(Value, 2);

    public BinEntityType EntityType => EntityTypeOf(Value[4])!.Value;

    public BinDivisionType DivisionType => DivisionTypeOf(Value[5])!.Value;

    /// <summary>The five-digit serial (digits 7–11).</summary>
    public int Serial => int.Parse(Value.AsSpan(6, 5), NumberStyles.None, CultureInfo.InvariantCulture);

    public override string ToString() => Value;

    public static BinValidation Validate(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate)) return BinValidation.Missing;
        if (candidate.Length != Length || !Checksum11.AreAsciiDigits(candidate)) return BinValidation.NotTwelveDigits;
        if (TwoDigits(candidate, 2) is < 1 or > 12) return BinValidation.BadRegistrationMonth;
        if (EntityTypeOf(candidate[4]) is null) return BinValidation.UnknownEntityType;
        if (DivisionTypeOf(candidate[5]) is null) return BinValidation.UnknownDivisionType;
        return Checksum11.Compute(candidate.AsSpan(0, 11)) switch
        {
            null => BinValidation.NeverIssued,
            var check when check == candidate[11] - '0' => BinValidation.Valid,
            _ => BinValidation.CheckDigitMismatch,
        };
    }

    public static bool TryParse(string? candidate, [NotNullWhen(true)] out Bin? bin)
    {
        bin = Validate(candidate) == BinValidation.Valid ? new Bin(candidate!) : null;
        return bin is not null;
    }

    public static Bin Parse(string candidate) =>
        TryParse(candidate, out var bin)
            ? bin.Value
            : throw new FormatException($"'{candidate}' is not a BIN: {Validate(candidate)}.");

    /// <summary>
    /// Builds the BIN registered in <paramref name="registrationYear"/> (a full year; only its last two digits are kept)
    /// and <paramref name="registrationMonth"/>, with the given types and serial (0–99999).
    /// Returns null when that serial gives a never-issued number, as <see cref="Iin.Create"/> does.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A part out of range.</exception>
    public static Bin? Create(int registrationYear, int registrationMonth, BinEntityType entityType, BinDivisionType divisionType, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(registrationYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(registrationMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(registrationMonth, 12);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, MaxSerial);
        if (!Enum.IsDefined(entityType)) throw new ArgumentOutOfRangeException(nameof(entityType), entityType, "Not a BIN entity type.");
        if (!Enum.IsDefined(divisionType)) throw new ArgumentOutOfRangeException(nameof(divisionType), divisionType, "Not a BIN division type.");

        var first11 = string.Create(CultureInfo.InvariantCulture,
            $"{registrationYear % 100:D2}{registrationMonth:D2}{(int)entityType}{(int)divisionType}{serial:D5}");
        return Checksum11.Compute(first11) is { } check
            ? new Bin(first11 + (char)('0' + check))
            : null;
    }

    private static int TwoDigits(string value, int start) => (value[start] - '0') * 10 + (value[start + 1] - '0');

    private static BinEntityType? EntityTypeOf(char digit) => digit switch
    {
        '4' => BinEntityType.ResidentLegalEntity,
        '5' => BinEntityType.NonResidentLegalEntity,
        '6' => BinEntityType.JointSoleProprietorship,
        _ => null,
    };

    private static BinDivisionType? DivisionTypeOf(char digit) => digit is >= '0' and <= '3' ? (BinDivisionType)(digit - '0') : null;
}

/// <summary>The fifth digit of a BIN; the numeric value of each member is that digit.</summary>
public enum BinEntityType
{
    /// <summary>4: a legal entity resident in Kazakhstan.</summary>
    ResidentLegalEntity = 4,
    /// <summary>5: a non-resident legal entity.</summary>
    NonResidentLegalEntity = 5,
    /// <summary>6: sole proprietors working together as a joint venture (the domain's "sole proprietor" BIN).</summary>
    JointSoleProprietorship = 6,
}

/// <summary>The sixth digit of a BIN; the numeric value of each member is that digit.</summary>
public enum BinDivisionType
{
    /// <summary>0: the head office of the legal entity (or of the joint venture).</summary>
    HeadOffice = 0,
    /// <summary>1: a branch.</summary>
    Branch = 1,
    /// <summary>2: a representative office.</summary>
    RepresentativeOffice = 2,
    /// <summary>3: a peasant (farm) enterprise run as a joint venture.</summary>
    PeasantFarm = 3,
}

public enum BinValidation
{
    Valid,
    Missing,
    NotTwelveDigits,
    /// <summary>Digits 3–4 are not a month 01–12.</summary>
    BadRegistrationMonth,
    /// <summary>Digit 5 is not 4, 5 or 6.</summary>
    UnknownEntityType,
    /// <summary>Digit 6 is not 0–3.</summary>
    UnknownDivisionType,
    CheckDigitMismatch,
    /// <summary>Both checksum passes give 10: no number with these first eleven digits is ever issued.</summary>
    NeverIssued,
}
