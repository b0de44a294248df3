using System.Text.Json.Nodes;
using static Migration.Deployment.Tests.Manifests;

namespace Migration.Deployment.Tests;

/// <summary>
/// Who may reach whom: nothing unless a policy admits it; only the gateway from outside the namespace (the ingress
/// controller); the services only from the gateway; each database only from its own service (and its schema step).
/// </summary>
public sealed class NetworkPolicyTests
{
    public static TheoryData<string> Overlays() => new(Manifests.Overlays);

    [Theory, MemberData(nameof(Overlays))]
    public void Ingress_is_denied_unless_a_policy_admits_it(string overlay)
    {
        var denyAll = Of(overlay).OfKind("NetworkPolicy").Where(p => At(p, "spec", "podSelector") is JsonObject { Count: 0 } && At(p, "spec", "ingress") is null);
        Assert.Single(denyAll);
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Only_the_gateway_is_reachable_from_outside_and_services_only_from_the_gateway(string overlay)
    {
        var manifests = Of(overlay);
        foreach (var deployment in manifests.OfKind("Deployment"))
        {
            var name = Name(deployment);
            var pods = Selectors.PodLabels(deployment);
            var policies = Admitting(manifests, pods).ToList();
            Assert.True(policies.Count > 0, $"no network policy selects the pods of {name}");
            var sources = policies.SelectMany(p => Items(p, "spec", "ingress")).SelectMany(rule => Items(rule, "from")).ToList();
            var outside = sources.Where(s => At(s, "namespaceSelector") is not null || At(s, "ipBlock") is not null).ToList();
            if (name == "gateway")
            {
                Assert.NotEmpty(outside);
                continue;
            }

            Assert.True(outside.Count == 0, $"{name} admits traffic from outside the namespace");
            var callers = sources.Select(s => Selectors.Labels(At(s, "podSelector", "matchLabels"))).ToList();
            Assert.Contains(callers, c => Selectors.App(c) == "gateway");
            if (name != "identity")
                Assert.All(callers, c => Assert.Equal("gateway", Selectors.App(c)));
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Each_database_admits_only_its_own_service_its_schema_step_its_own_instances_and_the_operator(string overlay)
    {
        var manifests = Of(overlay);
        var clusters = manifests.OfKind("Cluster").ToList();
        Assert.NotEmpty(clusters);
        foreach (var cluster in clusters)
        {
            var name = Name(cluster);
            var owner = Text(cluster, "metadata", "labels", "migration.kz/database-of");
            Assert.False(string.IsNullOrEmpty(owner), $"{name} does not say whose database it is");
            var policies = Admitting(manifests, new Dictionary<string, string> { ["cnpg.io/cluster"] = name }).ToList();
            Assert.True(policies.Count > 0, $"no network policy selects the instances of {name}");
            foreach (var source in policies.SelectMany(p => Items(p, "spec", "ingress")).SelectMany(rule => Items(rule, "from")))
            {
                var pods = Selectors.Labels(At(source, "podSelector", "matchLabels"));
                var operatorNamespace = Text(source, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
                Assert.True(
                    Selectors.App(pods) == owner || Selectors.App(pods) == $"{owner}-schema" || pods.GetValueOrDefault("cnpg.io/cluster") == name
                    || operatorNamespace == "cnpg-system",
                    $"{name} admits {source.ToJsonString()}");
            }

            var service = manifests.Named("Deployment", owner!);
            Assert.True(service is not null, $"{name} belongs to {owner}, which is not deployed");
        }
    }

    /// <summary>The policies selecting pods with these labels (the deny-all one aside).</summary>
    private static IEnumerable<JsonObject> Admitting(Manifests manifests, IReadOnlyDictionary<string, string> pods) =>
        manifests.OfKind("NetworkPolicy").Where(p => At(p, "spec", "ingress") is not null && Selectors.Selects(At(p, "spec", "podSelector"), pods));
}
