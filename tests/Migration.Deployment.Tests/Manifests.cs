using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Migration.Testing;
using YamlDotNet.RepresentationModel;

namespace Migration.Deployment.Tests;

/// <summary>
/// The Kubernetes objects an overlay of <c>deploy/k8s</c> renders to (<c>kubectl kustomize</c>, no cluster needed),
/// as JSON nodes: YAML scalars stay strings, so <c>replicas: 3</c> reads "3".
/// </summary>
public sealed class Manifests
{
    public static readonly string[] Overlays = ["production", "staging"];

    private static readonly ConcurrentDictionary<string, Lazy<Manifests>> Rendered = new();

    private Manifests(IReadOnlyList<JsonObject> objects) => Objects = objects;

    public IReadOnlyList<JsonObject> Objects { get; }

    public static Manifests Of(string overlay) =>
        Rendered.GetOrAdd(overlay, o => new Lazy<Manifests>(() => new Manifests(Parse(Render(o))))).Value;

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => Text(o, "kind") == kind);

    public JsonObject? Named(string kind, string name) => OfKind(kind).FirstOrDefault(o => Name(o) == name);

    public static string Name(JsonNode o) => Text(o, "metadata", "name") ?? "";

    /// <summary>The string at a path of property names, or null where the path ends early.</summary>
    public static string? Text(JsonNode? node, params string[] path) => At(node, path) is JsonValue value ? value.ToString() : null;

    public static JsonNode? At(JsonNode? node, params string[] path)
    {
        foreach (var step in path) node = node is JsonObject o ? o[step] : null;
        return node;
    }

    /// <summary>A whole number the manifests give as a string.</summary>
    public static int Count(string? text) => int.Parse(text ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<JsonNode> Items(JsonNode? node, params string[] path) =>
        At(node, path) is JsonArray array ? array.Where(n => n is not null).Select(n => n!) : [];

    private static string Render(string overlay)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "deploy", "k8s", "overlays", overlay);
        var start = new ProcessStartInfo("kubectl", ["kustomize", folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"kubectl kustomize {folder} failed: {errors.Result}");
    }

    private static List<JsonObject> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonObject>().ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value),
        _ => null,
    };
}
