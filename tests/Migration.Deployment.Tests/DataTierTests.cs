using static Migration.Deployment.Tests.Manifests;

namespace Migration.Deployment.Tests;

/// <summary>The servers come from their operators: a CloudNativePG cluster per service database, backed up; a three-node RabbitMQ.</summary>
public sealed class DataTierTests
{
    public static TheoryData<string> Overlays() => new(Manifests.Overlays);

    [Theory, MemberData(nameof(Overlays))]
    public void Every_service_with_a_database_has_its_own_cluster_with_a_replica(string overlay)
    {
        var manifests = Of(overlay);
        foreach (var deployment in manifests.OfKind("Deployment").Where(d => Name(d) is not ("gateway" or "web")))
        {
            var cluster = manifests.Named("Cluster", $"{Name(deployment)}-db");
            Assert.True(cluster is not null, $"{Name(deployment)} has no database cluster");
            Assert.StartsWith("postgresql.cnpg.io/", Text(cluster, "apiVersion"), StringComparison.Ordinal);
            Assert.True(Count(Text(cluster, "spec", "instances")) >= 2, $"{Name(cluster)} has no replica to fail over to");
        }

        Assert.Empty(manifests.OfKind("StatefulSet"));
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_database_connection_verifies_the_servers_certificate_against_its_clusters_CA(string overlay)
    {
        var manifests = Of(overlay);
        var workloads = manifests.OfKind("Deployment").Concat(manifests.OfKind("Job")).ToList();
        var connecting = 0;
        foreach (var workload in workloads)
        {
            var pod = At(workload, "spec", "template", "spec");
            foreach (var container in Items(pod, "containers"))
            {
                var connection = Items(container, "env").Where(e => Text(e, "name") == "ConnectionStrings__events").Select(e => Text(e, "value")).SingleOrDefault();
                if (connection is null) continue;
                connecting++;
                var settings = new Npgsql.NpgsqlConnectionStringBuilder(connection);
                Assert.Equal(Npgsql.SslMode.VerifyFull, settings.SslMode);
                var cluster = settings.Host!.Replace("-rw", "", StringComparison.Ordinal);
                var certificate = settings.RootCertificate!;
                var mount = Items(container, "volumeMounts").Single(m => certificate.StartsWith(Text(m, "mountPath") + "/", StringComparison.Ordinal));
                var volume = Items(pod, "volumes").Single(v => Text(v, "name") == Text(mount, "name"));
                Assert.True(Text(volume, "secret", "secretName") == $"{cluster}-ca", $"{Name(workload)} verifies {cluster} with {volume.ToJsonString()}");
            }
        }

        Assert.Equal(9, connecting); // five services with a database, four schema steps
    }

    [Theory, MemberData(nameof(Overlays))]
    public void Every_database_archives_its_log_and_is_backed_up_every_night(string overlay)
    {
        var manifests = Of(overlay);
        foreach (var cluster in manifests.OfKind("Cluster"))
        {
            var name = Name(cluster);
            Assert.False(string.IsNullOrEmpty(Text(cluster, "spec", "backup", "barmanObjectStore", "destinationPath")), $"{name} archives nowhere");
            Assert.False(string.IsNullOrEmpty(Text(cluster, "spec", "backup", "retentionPolicy")), $"{name} keeps backups forever");
            Assert.Contains(manifests.OfKind("ScheduledBackup"), b => Text(b, "spec", "cluster", "name") == name);
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public void The_broker_is_a_three_node_cluster_from_the_operator(string overlay)
    {
        var broker = Assert.Single(Of(overlay).OfKind("RabbitmqCluster"));
        Assert.Equal("3", Text(broker, "spec", "replicas"));
        Assert.Contains("default_queue_type = quorum", Text(broker, "spec", "rabbitmq", "additionalConfig"), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_keeps_three_instances_of_everything_and_a_synchronous_replica()
    {
        var manifests = Of("production");
        Assert.All(manifests.OfKind("HorizontalPodAutoscaler"), h => Assert.Equal("3", Text(h, "spec", "minReplicas")));
        Assert.All(manifests.OfKind("Cluster"), c =>
        {
            Assert.Equal("3", Text(c, "spec", "instances"));
            Assert.Equal("1", Text(c, "spec", "minSyncReplicas"));
        });
    }
}
