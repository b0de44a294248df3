namespace Migration.Identifiers;

/// <summary>
/// The check digit shared by IIN and BIN: weights 1..11 on the first eleven digits, sum mod 11;
/// a result of 10 calls for a second pass with weights 3,4,…,11,1,2, mod 11; a second 10 means
/// the number is never issued.
/// </summary>
internal static class Checksum11
{
    public const int DigitsWeighed = 11;

    /// <summary>The check digit (0–9), or null when both passes give 10 (never issued).</summary>
    /// <exception cref="ArgumentException">Unless exactly eleven ASCII digits are given.</exception>
    public static int? Compute(ReadOnlySpan<char> first11)
    {
        if (first11.Length != DigitsWeighed || !AreAsciiDigits(first11))
            throw new ArgumentException("Exactly eleven ASCII digits are needed.", nameof(first11));

        var first = 0;
        var second = 0;
        for (var i = 0; i < DigitsWeighed; i++)
        {
            var digit = first11[i] - '0';
            first += digit * (i + 1);
            second += digit * ((i + 2) % DigitsWeighed + 1);
        }

        if (first % 11 != 10) return first % 11;
        return second % 11 != 10 ? second % 11 : null;
    }

    public static bool AreAsciiDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}
