using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Migration.Testing;
using static Migration.Deployment.Tests.Manifests;

namespace Migration.Deployment.Tests;

/// <summary>
/// What each process reads from configuration is provided by its Deployment (its env and the shared ConfigMap), and
/// secrets stay apart: credentials come from the Secrets the operators keep, never from literal values.
/// </summary>
public sealed partial class ConfigurationTests
{
    public static TheoryData<string> Overlays() => new(Manifests.Overlays);

    /// <summary>The project folder of each workload.</summary>
    private static readonly Dictionary<string, string> Projects = new()
    {
        ["gateway"] = "gateway/Migration.Gateway",
        ["identity"] = "services/Migration.Identity",
        ["registry"] = "services/Migration.Registry",
        ["relocation-case"] = "services/Migration.RelocationCase",
        ["housing-allocation"] = "services/Migration.HousingAllocation",
        ["subsidy-payment"] = "services/Migration.SubsidyPayment",
        ["web"] = "web/Migration.Web",
    };

    [Theory, MemberData(nameof(Overlays))]
    public void Every_setting_a_process_reads_is_provided(string overlay)
    {
        var manifests = Of(overlay);
        foreach (var deployment in manifests.OfKind("Deployment"))
        {
            var name = Name(deployment);
            var provided = Provided(manifests, deployment);
            foreach (var key in Required(name))
                Assert.True(provided.ContainsKey(key), $"{name} reads {key.Replace("__", ":", StringComparison.Ordinal)}, which {overlay} does not provide");
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void The_gateway_sends_each_cluster_to_a_service_that_exists(string overlay)
    {
        var manifests = Of(overlay);
        var provided = Provided(manifests, manifests.Named("Deployment", "gateway")!);
        foreach (var cluster in GatewayClusters())
        {
            var address = new Uri(provided[$"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address"]!);
            var service = manifests.Named("Service", address.Host);
            Assert.True(service is not null, $"the gateway sends {cluster} to {address.Host}, which is no Service");
            Assert.Contains(Items(service, "spec", "ports"), p => Text(p, "port") == address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Credentials_come_from_the_operators_secrets_and_never_from_literals(string overlay)
    {
        var manifests = Of(overlay);
        Assert.Empty(manifests.OfKind("Secret"));
        var operatorSecrets = manifests.OfKind("Cluster").Select(c => $"{Name(c)}-app")
            .Concat(manifests.OfKind("RabbitmqCluster").Select(b => $"{Name(b)}-default-user"))
            .ToHashSet();
        // Made by the installer (docs/operations.md, "Configuration and secrets"), and optional.
        string[] installationSecrets = ["identity-bootstrap-admin"];
        foreach (var deployment in manifests.OfKind("Deployment"))
        foreach (var container in Items(deployment, "spec", "template", "spec", "containers"))
        {
            var defined = new HashSet<string>();
            foreach (var variable in Items(container, "env"))
            {
                var name = Text(variable, "name")!;
                if (Text(variable, "valueFrom", "secretKeyRef", "name") is { } secret)
                    Assert.True(operatorSecrets.Contains(secret) || (installationSecrets.Contains(secret) && Text(variable, "valueFrom", "secretKeyRef", "optional") == "true"),
                        $"{Name(deployment)} reads Secret {secret}, which no operator here keeps and the installation need not make");
                var value = Text(variable, "value") ?? "";
                Assert.False(LiteralPassword().IsMatch(value), $"{Name(deployment)}: {name} holds a literal password");
                foreach (Match reference in Reference().Matches(value))
                    Assert.True(defined.Contains(reference.Groups[1].Value), $"{Name(deployment)}: {name} refers to $({reference.Groups[1].Value}) before it is defined");
                defined.Add(name);
            }
        }

        foreach (var map in manifests.OfKind("ConfigMap"))
            Assert.All(Selectors.Labels(At(map, "data")), entry => Assert.False(LiteralPassword().IsMatch(entry.Value), $"ConfigMap {Name(map)}: {entry.Key} holds a password"));
    }

    /// <summary>
    /// What a process reads: the connection strings its appsettings.json names (their values there are for a
    /// developer's machine), the event store's for every service, the token settings, for the gateway the address of
    /// every cluster it routes to, and for the web application the gateway's address inside and outside the cluster.
    /// </summary>
    private static HashSet<string> Required(string workload)
    {
        var folder = Path.Combine(RepositoryPaths.Root, Projects[workload]);
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "appsettings.json")))!;
        var keys = new HashSet<string> { "Auth__Issuer", "Auth__MetadataAddress" };
        if (At(settings, "ConnectionStrings") is JsonObject connections)
            foreach (var (name, _) in connections) keys.Add($"ConnectionStrings__{name}");
        if (workload == "gateway")
            foreach (var cluster in GatewayClusters()) keys.Add($"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address");
        else if (workload == "web")
            keys.UnionWith(["Web__GatewayAddress", "Web__Authority"]);
        else
            keys.Add("ConnectionStrings__events");
        return keys;
    }

    private static IEnumerable<string> GatewayClusters() =>
        ((JsonObject)At(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, Projects["gateway"], "appsettings.json"))), "ReverseProxy", "Clusters")!)
        .Select(c => c.Key);

    /// <summary>The variables of a Deployment's first container: its env and the ConfigMaps it takes whole.</summary>
    private static Dictionary<string, string?> Provided(Manifests manifests, JsonNode deployment)
    {
        var container = Items(deployment, "spec", "template", "spec", "containers").First();
        var provided = new Dictionary<string, string?>();
        foreach (var source in Items(container, "envFrom"))
        {
            var map = manifests.Named("ConfigMap", Text(source, "configMapRef", "name") ?? "");
            Assert.True(map is not null, $"{Name(deployment)} takes ConfigMap {Text(source, "configMapRef", "name")}, which does not exist");
            foreach (var (key, value) in Selectors.Labels(At(map, "data"))) provided[key] = value;
        }

        foreach (var variable in Items(container, "env")) provided[Text(variable, "name")!] = Text(variable, "value");
        return provided;
    }

    [GeneratedRegex(@"(?i)password=(?!\$\()")]
    private static partial Regex LiteralPassword();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
