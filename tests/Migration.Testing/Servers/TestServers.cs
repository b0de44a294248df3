using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Migration.Testing.Servers;

/// <summary>
/// The real PostgreSQL and RabbitMQ every storage or messaging test runs against, resolved once per test process:
/// from the environment when given (<c>MIGRATION_POSTGRES</c>, <c>MIGRATION_RABBITMQ</c>, <c>MIGRATION_RABBITMQ_MANAGEMENT</c>);
/// otherwise from Testcontainers when a Docker engine answers; otherwise from private local servers started by
/// <c>deploy/local/servers.sh</c> from the installed binaries.
/// </summary>
public static class TestServers
{
    private static readonly Lazy<Task<ServerEndpoints>> Resolved = new(Resolve);

    public static Task<ServerEndpoints> Get() => Resolved.Value;

    private static async Task<ServerEndpoints> Resolve() =>
        FromEnvironment(Environment.GetEnvironmentVariable)
        ?? await FromContainers()
        ?? await FromLocalServers();

    private static ServerEndpoints? FromEnvironment(Func<string, string?> read) =>
        (read("MIGRATION_POSTGRES"), read("MIGRATION_RABBITMQ"), read("MIGRATION_RABBITMQ_MANAGEMENT")) is ({ Length: > 0 } pg, { Length: > 0 } mq, { Length: > 0 } mgmt)
            ? new ServerEndpoints(pg, new Uri(mq), new Uri(mgmt))
            : null;

    private static async Task<ServerEndpoints?> FromContainers()
    {
        PostgreSqlContainer postgres;
        RabbitMqContainer rabbit;
        try
        {
            postgres = new PostgreSqlBuilder("postgres:15-alpine").WithPassword("postgres").WithUsername("postgres").Build();
            rabbit = new RabbitMqBuilder("rabbitmq:3.13-management").WithUsername("guest").WithPassword("guest").Build();
        }
        catch (DockerUnavailableException)
        {
            return null;
        }

        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        var pg = $"Host={postgres.Hostname};Port={postgres.GetMappedPublicPort(5432)};Username=postgres;Password=postgres";
        var mq = new Uri($"amqp://guest:guest@{rabbit.Hostname}:{rabbit.GetMappedPublicPort(5672)}/");
        var mgmt = new Uri($"http://guest:guest@{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}/");
        return new ServerEndpoints(pg, mq, mgmt);
    }

    private static async Task<ServerEndpoints> FromLocalServers()
    {
        var script = Path.Combine(RepositoryPaths.Root, "deploy", "local", "servers.sh");
        await Run(script, "start");
        var exports = (await Run(script, "env"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Replace("export ", "", StringComparison.Ordinal).Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\''));
        return FromEnvironment(exports.GetValueOrDefault)
            ?? throw new InvalidOperationException($"{script} env printed no server endpoints.");
    }

    private static async Task<string> Run(string script, string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [script, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException(
                $"'{script} {command}' failed ({process.ExitCode}). PostgreSQL 15 and rabbitmq-server must be installed " +
                $"(apt-get install postgresql-15 rabbitmq-server), or set MIGRATION_POSTGRES, MIGRATION_RABBITMQ and MIGRATION_RABBITMQ_MANAGEMENT.\n{await errors}");
    }
}
