using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Migration.ServiceDefaults.Health;
using Migration.ServiceDefaults.Messaging;

namespace Migration.ServiceDefaults.EventStore;

public static class EventStoreExtensions
{
    /// <summary>The connection string naming the service's own PostgreSQL database.</summary>
    public const string ConnectionName = "events";

    /// <summary>
    /// The service's event store: its own database (created when missing), schema objects applied at start-up,
    /// Quick appends, every event carrying correlation, causation, caller and trace context, the async daemon
    /// (one leader per projection across instances) and the inbox of handled messages.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore(
        this IHostApplicationBuilder builder, string serviceName, Action<StoreOptions> configure)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured.");

        builder.Services.AddHostedService(provider => new DatabaseBootstrapper(
            connectionString, provider.GetRequiredService<ILogger<DatabaseBootstrapper>>()));
        builder.Services.AddHealthChecks().AddTypeActivatedCheck<PostgresHealthCheck>(
            "postgresql", failureStatus: null, tags: [HealthExtensions.Ready], args: connectionString);

        return builder.Services
            .AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = serviceName.Replace('-', '_');
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.Events.AppendMode = EventAppendMode.Quick;
                options.Events.MetadataConfig.EnableAll();
                options.Schema.For<HandledMessage>().Identity(m => m.Id);
                options.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
                options.OpenTelemetry.TrackEventCounters();
                configure(options);
            })
            .UseLightweightSessions()
            .BuildSessionsWith<CorrelatedSessionFactory>()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
    }
}
