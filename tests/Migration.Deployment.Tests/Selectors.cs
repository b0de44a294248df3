using System.Text.Json.Nodes;

namespace Migration.Deployment.Tests;

/// <summary>Label selection as Kubernetes does it for <c>matchLabels</c> (every label of the selector present, same value).</summary>
public static class Selectors
{
    public static IReadOnlyDictionary<string, string> Labels(JsonNode? labels) =>
        labels is JsonObject o ? o.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "") : new Dictionary<string, string>();

    public static bool Selects(JsonNode? selector, IReadOnlyDictionary<string, string> labels) =>
        Labels(Manifests.At(selector, "matchLabels")).All(l => labels.TryGetValue(l.Key, out var value) && value == l.Value);

    /// <summary>The labels a Deployment gives its pods.</summary>
    public static IReadOnlyDictionary<string, string> PodLabels(JsonNode deployment) =>
        Labels(Manifests.At(deployment, "spec", "template", "metadata", "labels"));

    public static string? App(IReadOnlyDictionary<string, string> labels) => labels.GetValueOrDefault("app.kubernetes.io/name");
}
