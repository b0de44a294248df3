using System.Globalization;
using Migration.Identifiers;

namespace Migration.EndToEnd.Tests.Authorization;

/// <summary>
/// Plausible values for path parameters that name nothing that exists: well-formed enough to pass route constraints and
/// format checks, so an allowed caller reaches the handler (and gets a 404 or a validation problem, never a 401/403).
/// </summary>
internal static class DummyPathValues
{
    public static string Fill(ApiDocuments.Operation operation)
    {
        var path = operation.Endpoint.Path;
        foreach (var parameter in operation.PathParameters)
            path = path.Replace($"{{{parameter.Name}}}", Uri.EscapeDataString(For(parameter)), StringComparison.Ordinal);
        return path;
    }

    private static string For(ApiDocuments.Parameter parameter) => parameter.Name.ToUpperInvariant() switch
    {
        _ when parameter.Format == "uuid" => Guid.NewGuid().ToString(),
        "KATO" or "SETTLEMENTKATO" or "CODE" => RealSettlements.NextCode(),
        "OBLAST" => "43",
        "YEAR" => "2026",
        "BIC" => "HSBKKZKX",
        "IIN" => People.NextIin(new DateOnly(1990, 1, 1), Sex.Male).ToString(),
        "BIN" => "990140000385",
        "EDITION" or "EFFECTIVEFROM" => "2026-01-01",
        "USERID" => "matrix-nobody",
        "STATEMENTID" => $"STMT-{Guid.NewGuid():N}",
        _ when parameter.Format == "date" => "2026-01-01",
        _ when parameter.Type is "integer" or "number" => "1",
        _ when parameter.Name.EndsWith("Id", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ => string.Create(CultureInfo.InvariantCulture, $"matrix-{parameter.Name}"),
    };
}
