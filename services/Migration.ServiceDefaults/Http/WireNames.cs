using System.Text.Json;

namespace Migration.ServiceDefaults.Http;

/// <summary>Enums on the wire are kebab-case strings (<c>semi-desert</c>), in requests, responses and contracts.</summary>
public static class WireNames
{
    public static string ToWire<T>(this T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? value, out T result) where T : struct, Enum
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (!string.Equals(candidate.ToWire(), value.Trim(), StringComparison.OrdinalIgnoreCase)) continue;
            result = candidate;
            return true;
        }

        return false;
    }

    /// <summary>
    /// An optional filter of a query (<c>?status=approved</c>): null when absent, the value when known, otherwise a 400
    /// naming the field and the accepted values.
    /// </summary>
    public static T? Filter<T>(string field, string? value) where T : struct, Enum =>
        value is null ? null
        : TryParse<T>(value, out var parsed) ? parsed
        : throw new Problems.ValidationProblemException(new Problems.ValidationErrors().Add(field, $"{field}.invalid", $"'{field}' must be one of {Choices<T>()}."));

    /// <summary>The accepted values, for error messages: "high, medium or low".</summary>
    public static string Choices<T>() where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(v => v.ToWire()).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
