using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Migration.Identifiers;

/// <summary>
/// A Kazakhstan IBAN: twenty characters, <c>KZ</c>, two check digits, a three-digit bank code and a thirteen-character
/// alphanumeric account, checked by ISO 13616 mod 97. Kept in the electronic format: no spaces, upper case.
/// </summary>
/// <remarks>
/// Input may carry spaces (any white space, including no-break spaces) and lower-case letters; both are normalised away.
/// Only ASCII letters are upper-cased: culture rules would turn the dotless 'ı' into 'I' and accept it.
/// An account number is personal data: write <see cref="Masked"/> to logs, and <see cref="Parse"/> does not repeat the value.
/// </remarks>
public readonly record struct Iban
{
    public const int Length = 20;
    public const string Country = "KZ";

    private const int BankCodeLength = 3, AccountLength = 13;

    private Iban(string value) => Value = value;

    /// <summary>The IBAN in electronic format, e.g. <c>KZ86125KZT5004100100</c>.</summary>
    public string Value { get; }

    /// <summary>The two check digits (02–98).</summary>
    public string CheckDigits => Value[2..4];

    /// <summary>The three-digit bank code.</summary>
    public string BankCode => Value[4..7];

    /// <summary>The thirteen-character account.</summary>
    public string Account => Value[7..];

    /// <summary>For logs: country and check digits and the last four characters, in groups of four, e.g. <c>KZ86 **** **** **** 0100</c>.</summary>
    public string Masked => $"{Value[..4]} **** **** **** {Value[^4..]}";

    public override string ToString() => Value;

    public static IbanValidation Validate(string? candidate) => Check(candidate, out _);

    public static bool TryParse(string? candidate, [NotNullWhen(true)] out Iban? iban)
    {
        iban = Check(candidate, out var normalised) == IbanValidation.Valid ? new Iban(normalised!) : null;
        return iban is not null;
    }

    /// <exception cref="FormatException">The message names the reason but not the value (personal data).</exception>
    public static Iban Parse(string candidate) =>
        TryParse(candidate, out var iban)
            ? iban.Value
            : throw new FormatException($"The value is not a Kazakhstan IBAN: {Validate(candidate)}.");

    /// <summary>Builds the IBAN of <paramref name="account"/> at <paramref name="bankCode"/>, computing its check digits.</summary>
    /// <param name="bankCode">Three ASCII digits.</param>
    /// <param name="account">Thirteen ASCII letters or digits; lower case is upper-cased.</param>
    /// <exception cref="ArgumentException">Either part is malformed.</exception>
    public static Iban Create(string bankCode, string account)
    {
        ArgumentNullException.ThrowIfNull(bankCode);
        ArgumentNullException.ThrowIfNull(account);
        if (bankCode.Length != BankCodeLength || !Checksum11.AreAsciiDigits(bankCode))
            throw new ArgumentException("A bank code is three ASCII digits.", nameof(bankCode));
        if (account.Length != AccountLength || !account.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException("An account is thirteen ASCII letters or digits.", nameof(account));

        var bban = bankCode + UpperAscii(account);
        var check = 98 - Mod97(bban + Country + "00");
        return new Iban(string.Create(CultureInfo.InvariantCulture, $"{Country}{check:D2}{bban}"));
    }

    private static IbanValidation Check(string? candidate, out string? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(candidate)) return IbanValidation.Missing;

        var value = UpperAscii(string.Concat(candidate.Where(c => !char.IsWhiteSpace(c))));
        if (!value.All(char.IsAsciiLetterOrDigit)) return IbanValidation.BadCharacters;
        if (value.Length >= Country.Length && !value.StartsWith(Country, StringComparison.Ordinal)) return IbanValidation.WrongCountry;
        if (value.Length != Length) return IbanValidation.WrongLength;
        if (!Checksum11.AreAsciiDigits(value.AsSpan(2, 2 + BankCodeLength))) return IbanValidation.BadCharacters;
        // 00, 01 and 99 are never computed, yet pass mod 97 wherever 97, 98 and 02 do (they differ by 97).
        if (value[2..4] is "00" or "01" or "99") return IbanValidation.CheckDigitsMismatch;
        if (Mod97(string.Concat(value.AsSpan(4), value.AsSpan(0, 4))) != 1) return IbanValidation.CheckDigitsMismatch;

        normalised = value;
        return IbanValidation.Valid;
    }

    /// <summary>The remainder mod 97 of the number the characters spell, letters counting A = 10 … Z = 35.</summary>
    private static int Mod97(string alphanumeric)
    {
        var remainder = 0;
        foreach (var c in alphanumeric)
        {
            remainder = char.IsAsciiDigit(c)
                ? (remainder * 10 + (c - '0')) % 97
                : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }

    private static string UpperAscii(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsAsciiLetterLower(source[i]) ? (char)(source[i] - ('a' - 'A')) : source[i];
        });
}

public enum IbanValidation
{
    Valid,
    Missing,
    /// <summary>The country code is not KZ.</summary>
    WrongCountry,
    /// <summary>Not twenty characters once spaces are removed.</summary>
    WrongLength,
    /// <summary>A character other than an ASCII letter or digit, or a letter among the check digits or bank code.</summary>
    BadCharacters,
    /// <summary>The mod-97 check fails, or the check digits are 00, 01 or 99, which are never issued.</summary>
    CheckDigitsMismatch,
}
