using static Migration.Deployment.Tests.Manifests;

namespace Migration.Deployment.Tests;

/// <summary>
/// Schema changes are a deploy step: each event-sourced service has a Job running its own image with
/// <c>schema apply</c> on its own database, and the services are configured to change no schema themselves.
/// </summary>
public sealed class SchemaStepTests
{
    public static TheoryData<string> Overlays() => new(Manifests.Overlays);

    private static readonly string[] EventSourced = ["registry", "relocation-case", "housing-allocation", "subsidy-payment"];

    [Theory, MemberData(nameof(Overlays))]
    public void Each_event_sourced_service_has_a_schema_job_of_its_own_image_and_database(string overlay)
    {
        var manifests = Of(overlay);
        Assert.Equal(EventSourced.Select(s => $"{s}-schema").Order(), manifests.OfKind("Job").Select(Name).Order());
        foreach (var service in EventSourced)
        {
            var job = manifests.Named("Job", $"{service}-schema")!;
            var deployment = manifests.Named("Deployment", service)!;
            var step = Items(job, "spec", "template", "spec", "containers").Single();
            var server = Items(deployment, "spec", "template", "spec", "containers").Single();
            Assert.Equal(Text(server, "image"), Text(step, "image"));
            Assert.Equal(["schema", "apply"], Items(step, "args").Select(a => a.ToString()));
            Assert.Equal(Env(server, "ConnectionStrings__events"), Env(step, "ConnectionStrings__events"));
            Assert.Equal("OnFailure", Text(job, "spec", "template", "spec", "restartPolicy"));
            Assert.Equal("true", Text(job, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
            Assert.Equal("true", Text(step, "securityContext", "readOnlyRootFilesystem"));
            Assert.False(string.IsNullOrEmpty(Text(step, "resources", "limits", "memory")), $"{service}-schema has no memory limit");

            // The step's pods are no destination of the service's traffic.
            var pods = Selectors.Labels(At(job, "spec", "template", "metadata", "labels"));
            Assert.DoesNotContain(manifests.OfKind("Service"), s => Selectors.Labels(At(s, "spec", "selector")) is { Count: > 0 } selector
                && selector.All(l => pods.TryGetValue(l.Key, out var value) && value == l.Value));
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void The_services_change_no_schema_when_they_start(string overlay)
    {
        var settings = Of(overlay).Named("ConfigMap", "migration-settings")!;
        Assert.Equal("false", Text(settings, "data", "EventStore__ApplySchemaAtStartup"));
    }

    private static string? Env(System.Text.Json.Nodes.JsonNode container, string name) =>
        Items(container, "env").Where(e => Text(e, "name") == name).Select(e => Text(e, "value")).SingleOrDefault();
}
