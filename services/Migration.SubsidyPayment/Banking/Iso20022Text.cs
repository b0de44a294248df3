using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// The value rules the schemas impose on what the service writes (text lengths, amount format, BIC and IBAN shape),
/// checked on the way in so that a bad order fails with a clear <see cref="ArgumentException"/> instead of an invalid file.
/// </summary>
internal static partial class Iso20022Text
{
    /// <summary>Max35Text: message, payment-information and end-to-end identifiers.</summary>
    public const int IdentifierLength = 35;

    /// <summary>Max140Text: names and unstructured remittance information.</summary>
    public const int TextLength = 140;

    /// <summary>
    /// An identifier as given: one to 35 characters, none of them a control character. Identifiers are never cut:
    /// a shortened id would no longer match the payment it names.
    /// </summary>
    public static string Identifier(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException("An ISO 20022 identifier must not be empty.", parameter);
        if (value.Length > IdentifierLength)
            throw new ArgumentException($"An ISO 20022 identifier has at most {IdentifierLength} characters; this one has {value.Length}.", parameter);
        if (value.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
            throw new ArgumentException("An ISO 20022 identifier must not contain control characters or characters outside the basic plane.", parameter);
        return value;
    }

    /// <summary>
    /// Free text made fit for a Max140Text: control characters become spaces, characters XML cannot carry are dropped,
    /// and a longer text is cut at <paramref name="maxLength"/> without splitting a surrogate pair. Null when nothing is left.
    /// </summary>
    public static string? Clip(string? value, int maxLength = TextLength)
    {
        if (value is null) return null;
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                text.Append(c).Append(value[++i]);
            else if (char.IsControl(c))
                text.Append(' ');
            else if (XmlConvert.IsXmlChar(c))
                text.Append(c);
        }
        var clean = text.ToString().Trim();
        if (clean.Length > maxLength)
        {
            var cut = char.IsHighSurrogate(clean[maxLength - 1]) ? maxLength - 1 : maxLength;
            clean = clean[..cut].TrimEnd();
        }
        return clean.Length == 0 ? null : clean;
    }

    /// <summary>A name that must be present (Nm of a party): clipped to 140 characters, refused when empty.</summary>
    public static string Name(string? value, string parameter) =>
        Clip(value) ?? throw new ArgumentException("A party name must not be empty.", parameter);

    /// <summary>An amount in tenge: positive, with at most two decimals (the tiyn).</summary>
    public static decimal Amount(decimal amount, string parameter)
    {
        if (amount <= 0)
            throw new ArgumentException("A transfer amount must be positive.", parameter);
        if (decimal.Round(amount, 2) != amount)
            throw new ArgumentException("A transfer amount in tenge has at most two decimals.", parameter);
        return amount;
    }

    /// <summary>The amount with exactly two decimals and a point, whatever the current culture: <c>216300.00</c>.</summary>
    public static string FormatAmount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A Kazakhstan IBAN in electronic format; the message does not repeat the value (personal data).</summary>
    public static string Iban(string? value, string parameter) =>
        Identifiers.Iban.TryParse(value, out var iban)
            ? iban.Value.Value
            : throw new ArgumentException($"The account is not a Kazakhstan IBAN: {Identifiers.Iban.Validate(value)}.", parameter);

    /// <summary>A BIC (ISO 9362) of 8 or 11 characters, upper case, as the schema's BICIdentifier pattern requires.</summary>
    public static string Bic(string? value, string parameter)
    {
        var bic = value?.Trim().ToUpperInvariant();
        return bic is not null && BicPattern().IsMatch(bic)
            ? bic
            : throw new ArgumentException("A BIC is 8 or 11 letters and digits (ISO 9362), e.g. HSBKKZKX.", parameter);
    }

    [GeneratedRegex("^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex BicPattern();
}
