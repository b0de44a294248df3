using System.Text.RegularExpressions;
using static Migration.Deployment.Tests.Manifests;

namespace Migration.Deployment.Tests;

/// <summary>Every workload of every overlay: a pinned image, probes on the health endpoints, resources, autoscaling and a disruption budget.</summary>
public sealed partial class WorkloadTests
{
    public static TheoryData<string> Overlays() => new(Manifests.Overlays);

    /// <summary>The processes the system is made of, each a Deployment of the same name.</summary>
    public static readonly string[] Workloads = ["gateway", "identity", "registry", "relocation-case", "housing-allocation", "subsidy-payment", "web"];

    [Theory, MemberData(nameof(Overlays))]
    public void Every_object_is_named_and_every_process_is_a_deployment(string overlay)
    {
        var manifests = Of(overlay);
        Assert.All(manifests.Objects, o =>
        {
            Assert.False(string.IsNullOrEmpty(Text(o, "apiVersion")), $"{Name(o)} has no apiVersion");
            Assert.False(string.IsNullOrEmpty(Name(o)), $"a {Text(o, "kind")} has no name");
        });
        Assert.Equal(Workloads.Order(), manifests.OfKind("Deployment").Select(Name).Order());
        Assert.Empty(manifests.OfKind("StatefulSet"));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_container_runs_a_pinned_image_with_probes_limits_and_no_root(string overlay)
    {
        foreach (var deployment in Of(overlay).OfKind("Deployment"))
        {
            var name = Name(deployment);
            Assert.Equal("true", Text(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
            foreach (var container in Items(deployment, "spec", "template", "spec", "containers"))
            {
                var image = Text(container, "image") ?? "";
                Assert.True(PinnedImage().IsMatch(image) && !image.EndsWith(":latest", StringComparison.Ordinal), $"{name}: image '{image}' is not pinned to a version");
                Assert.Equal("/health/ready", Text(container, "readinessProbe", "httpGet", "path"));
                Assert.Equal("/health/live", Text(container, "livenessProbe", "httpGet", "path"));
                foreach (var bound in new[] { "requests", "limits" })
                foreach (var resource in new[] { "cpu", "memory" })
                    Assert.False(string.IsNullOrEmpty(Text(container, "resources", bound, resource)), $"{name}: no {bound}.{resource}");
                Assert.Equal("false", Text(container, "securityContext", "allowPrivilegeEscalation"));
                Assert.Equal("true", Text(container, "securityContext", "readOnlyRootFilesystem"));
            }
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_workload_scales_horizontally_and_keeps_instances_through_disruptions(string overlay)
    {
        var manifests = Of(overlay);
        foreach (var deployment in manifests.OfKind("Deployment"))
        {
            var name = Name(deployment);
            var autoscaler = manifests.OfKind("HorizontalPodAutoscaler").SingleOrDefault(h => Text(h, "spec", "scaleTargetRef", "name") == name);
            Assert.True(autoscaler is not null, $"{name} has no autoscaler");
            Assert.True(Count(Text(autoscaler, "spec", "minReplicas")) >= 2, $"{name} may scale below two instances");
            var budget = manifests.OfKind("PodDisruptionBudget").SingleOrDefault(b => Selectors.Selects(At(b, "spec", "selector"), Selectors.PodLabels(deployment)));
            Assert.True(budget is not null, $"{name} has no disruption budget");
        }
    }

    /// <summary>registry/name:1.2.3 or name@sha256:…; a tag that is a version, not a moving name.</summary>
    [GeneratedRegex(@"^[a-z0-9./-]+(:\d+\.\d+\.\d+[a-z0-9.-]*|@sha256:[0-9a-f]{64})$")]
    private static partial Regex PinnedImage();
}
