using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Migration.AppHost;

/// <summary>
/// Ports and the choice of how the servers run. Ports come from the same variables as deploy/local/lib.sh
/// (MIGRATION_PG_PORT, MIGRATION_RABBIT_PORT, MIGRATION_RABBIT_MGMT_PORT) and MIGRATION_GATEWAY_PORT;
/// MIGRATION_SERVERS = auto (default) | containers | local.
/// </summary>
internal sealed record AppHostSettings(
    string RepositoryRoot,
    bool UseContainers,
    int PostgresPort,
    int RabbitPort,
    int RabbitManagementPort,
    int GatewayPort,
    int RegistryPort,
    int RelocationCasePort,
    int HousingAllocationPort,
    int SubsidyPaymentPort,
    int IdentityPort,
    int WebPort)
{
    public static AppHostSettings From(IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        int Port(string key, int fallback) =>
            int.TryParse(configuration[key], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : fallback;

        var mode = configuration["MIGRATION_SERVERS"]?.Trim().ToLowerInvariant() ?? "auto";
        var useContainers = mode switch
        {
            "containers" => true,
            "local" => false,
            _ => DockerEngineAnswers(),
        };
        return new AppHostSettings(
            Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..")),
            useContainers,
            Port("MIGRATION_PG_PORT", 5433),
            Port("MIGRATION_RABBIT_PORT", 5672),
            Port("MIGRATION_RABBIT_MGMT_PORT", 15672),
            Port("MIGRATION_GATEWAY_PORT", 8080),
            8081, 8082, 8083, 8084, 8085, 8086);
    }

    /// <summary>
    /// Whether a Docker engine answers: <c>docker info</c> within a few seconds. The docker client alone proves
    /// nothing (it may exist without an engine), so the command must succeed.
    /// </summary>
    private static bool DockerEngineAnswers()
    {
        try
        {
            var start = new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var docker = Process.Start(start);
            if (docker is null)
            {
                return false;
            }
            _ = docker.StandardOutput.ReadToEndAsync();
            _ = docker.StandardError.ReadToEndAsync();
            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }
            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker client at all
        }
    }
}
