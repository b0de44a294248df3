using Microsoft.Extensions.DependencyInjection;

namespace Migration.AppHost;

/// <summary>PostgreSQL and RabbitMQ as the services see them: resources to wait for and connection strings.</summary>
internal sealed class Servers
{
    private readonly Func<string, IResourceBuilder<IResourceWithConnectionString>> _database;
    private readonly Dictionary<string, IResourceBuilder<IResourceWithConnectionString>> _databases = [];

    private Servers(
        IResourceBuilder<IResource> postgres,
        IResourceBuilder<IResource> rabbitMq,
        IResourceBuilder<IResourceWithConnectionString> broker,
        Func<string, IResourceBuilder<IResourceWithConnectionString>> database)
    {
        Postgres = postgres;
        RabbitMq = rabbitMq;
        Broker = broker;
        _database = database;
    }

    /// <summary>The PostgreSQL server (wait for it).</summary>
    public IResourceBuilder<IResource> Postgres { get; }

    /// <summary>The RabbitMQ server (wait for it).</summary>
    public IResourceBuilder<IResource> RabbitMq { get; }

    /// <summary>The AMQP connection string (a service's <c>ConnectionStrings:rabbitmq</c>).</summary>
    public IResourceBuilder<IResourceWithConnectionString> Broker { get; }

    /// <summary>A full Npgsql connection string for one service's database (its <c>ConnectionStrings:events</c>).</summary>
    public IResourceBuilder<IResourceWithConnectionString> Database(string name)
    {
        if (!_databases.TryGetValue(name, out var database))
        {
            _databases[name] = database = _database(name);
        }
        return database;
    }

    /// <summary>Containers (Docker): the official images, data in named volumes.</summary>
    public static Servers AsContainers(IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        var pgUser = builder.AddParameter("postgres-user", "postgres");
        var pgPassword = builder.AddParameter("postgres-password", "postgres", secret: true);
        var postgres = builder.AddPostgres("postgres", pgUser, pgPassword, port: settings.PostgresPort)
            .WithImageTag("15")
            .WithDataVolume("migration-postgres");

        var rabbitUser = builder.AddParameter("rabbitmq-user", "guest");
        var rabbitPassword = builder.AddParameter("rabbitmq-password", "guest", secret: true);
        var rabbitMq = builder.AddRabbitMQ("rabbitmq", rabbitUser, rabbitPassword, port: settings.RabbitPort)
            .WithManagementPlugin(port: settings.RabbitManagementPort)
            .WithImageTag("3.13-management")
            .WithDataVolume("migration-rabbitmq");

        return new Servers(
            postgres,
            rabbitMq,
            rabbitMq,
            name => postgres.AddDatabase($"db-{name.Replace('_', '-')}", name));
    }

    /// <summary>
    /// Local processes (no Docker): deploy/local/run-postgres.sh and run-rabbitmq.sh in the foreground, data under
    /// .local/. Each script reuses a server already answering on its port.
    /// </summary>
    public static Servers AsLocalProcesses(IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        var scripts = Path.Combine(settings.RepositoryRoot, "deploy", "local");

        var postgres = builder.AddExecutable("postgres", "bash", settings.RepositoryRoot, Path.Combine(scripts, "run-postgres.sh"))
            .WithEnvironment("MIGRATION_PG_PORT", Invariant(settings.PostgresPort))
            .WithEndpoint(port: settings.PostgresPort, targetPort: settings.PostgresPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck("postgres-ready");
        var pgEndpoint = postgres.GetEndpoint("tcp");
        builder.Services.AddHealthChecks().AddCheck("postgres-ready",
            new PostgresReadyCheck($"Host=127.0.0.1;Port={Invariant(settings.PostgresPort)};Username=postgres;Password=postgres;Database=postgres"));

        var rabbitMq = builder.AddExecutable("rabbitmq", "bash", settings.RepositoryRoot, Path.Combine(scripts, "run-rabbitmq.sh"))
            .WithEnvironment("MIGRATION_RABBIT_PORT", Invariant(settings.RabbitPort))
            .WithEnvironment("MIGRATION_RABBIT_MGMT_PORT", Invariant(settings.RabbitManagementPort))
            .WithEndpoint(port: settings.RabbitPort, targetPort: settings.RabbitPort, scheme: "tcp", name: "amqp", isProxied: false)
            .WithHttpEndpoint(port: settings.RabbitManagementPort, targetPort: settings.RabbitManagementPort, name: "management", isProxied: false)
            .WithHealthCheck("rabbitmq-ready");
        var amqpEndpoint = rabbitMq.GetEndpoint("amqp");
        builder.Services.AddHealthChecks().AddCheck("rabbitmq-ready",
            new RabbitMqReadyCheck(new Uri($"amqp://guest:guest@127.0.0.1:{Invariant(settings.RabbitPort)}/")));

        var broker = builder.AddConnectionString("rabbitmq-amqp",
            ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{amqpEndpoint.Property(EndpointProperty.Port)}/"));

        return new Servers(
            postgres,
            rabbitMq,
            broker,
            name => builder.AddConnectionString($"db-{name.Replace('_', '-')}",
                ReferenceExpression.Create(
                    $"Host=127.0.0.1;Port={pgEndpoint.Property(EndpointProperty.Port)};Username=postgres;Password=postgres;Database={name}")));
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
