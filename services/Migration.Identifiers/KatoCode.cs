using System.Diagnostics.CodeAnalysis;

namespace Migration.Identifiers;

/// <summary>
/// A code of the national administrative-territorial classifier (KATO): nine digits <c>AB CD EF HIJ</c>,
/// AB the oblast (or city of republican significance), CD the district, EF the rural okrug, HIJ the settlement.
/// </summary>
public readonly record struct KatoCode
{
    public const int Length = 9;

    private KatoCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The two-digit oblast code (AB).</summary>
    public string Oblast => Value[..2];

    /// <summary>The district part of the code: AB CD followed by zeros.</summary>
    public string District => Value[..4] + "00000";

    /// <summary>The rural okrug part of the code: AB CD EF followed by zeros.</summary>
    public string RuralOkrug => Value[..6] + "000";

    public override string ToString() => Value;

    public static KatoValidation Validate(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate)) return KatoValidation.Missing;
        if (candidate.Length != Length || !candidate.All(char.IsAsciiDigit)) return KatoValidation.NotNineDigits;
        return Oblasts.IsKnown(candidate[..2]) ? KatoValidation.Valid : KatoValidation.UnknownOblast;
    }

    public static bool TryParse(string? candidate, [NotNullWhen(true)] out KatoCode? code)
    {
        code = Validate(candidate) == KatoValidation.Valid ? new KatoCode(candidate!) : null;
        return code is not null;
    }

    public static KatoCode Parse(string candidate) =>
        TryParse(candidate, out var code)
            ? code.Value
            : throw new FormatException($"'{candidate}' is not a KATO code: {Validate(candidate)}.");
}

public enum KatoValidation
{
    Valid,
    Missing,
    NotNineDigits,
    UnknownOblast,
}
