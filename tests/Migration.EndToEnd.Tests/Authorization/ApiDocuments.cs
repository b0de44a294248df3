using System.Net.Http.Json;
using System.Text.Json;

namespace Migration.EndToEnd.Tests.Authorization;

/// <summary>
/// The operations the services publish, read from the OpenAPI documents the gateway serves: what integrators see is
/// what the matrix must cover, so an endpoint added without a row in the table cannot slip through.
/// </summary>
internal static class ApiDocuments
{
    public static readonly IReadOnlyList<string> Services = ["identity", "registry", "relocation-case", "housing-allocation", "subsidy-payment"];

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    /// <summary>A path parameter with the schema type and format the document gives it (either may be empty).</summary>
    public sealed record Parameter(string Name, string Type, string Format);

    /// <summary>An operation with its path parameters and the media type its request body is declared in, if any.</summary>
    public sealed record Operation(Endpoint Endpoint, IReadOnlyList<Parameter> PathParameters, string? BodyMediaType);

    public static async Task<IReadOnlyList<Operation>> Read(HttpClient anonymous)
    {
        var operations = new List<Operation>();
        foreach (var service in Services)
        {
            var document = await anonymous.GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                var shared = Parameters(path.Value);
                foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
                {
                    var own = Parameters(method.Value);
                    var all = own.Concat(shared.Where(s => own.All(o => o.Name != s.Name))).ToList();
                    operations.Add(new Operation(Endpoint.Of(method.Name, path.Name), all, BodyMediaType(method.Value)));
                }
            }
        }

        return operations;
    }

    /// <summary>JSON when the body takes it, else the first declared type (CSV uploads): a body of the wrong type would
    /// be matched to no endpoint at all, and the caller would only meet the 404 of the fallback route.</summary>
    private static string? BodyMediaType(JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content)) return null;
        var types = content.EnumerateObject().Select(c => c.Name).ToList();
        return types.Contains("application/json") ? "application/json" : types.FirstOrDefault();
    }

    private static List<Parameter> Parameters(JsonElement item) =>
        !item.TryGetProperty("parameters", out var parameters)
            ? []
            : parameters.EnumerateArray()
                .Where(p => p.TryGetProperty("in", out var where) && where.GetString() == "path")
                .Select(p => new Parameter(
                    p.GetProperty("name").GetString()!,
                    Text(p, "type"),
                    Text(p, "format")))
                .ToList();

    private static string Text(JsonElement parameter, string property) =>
        parameter.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.Object
            && schema.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : "";
}
