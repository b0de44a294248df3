using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Weasel.Core;
using Migration.ServiceDefaults.Health;
using Migration.ServiceDefaults.Idempotency;
using Migration.ServiceDefaults.Messaging;

namespace Migration.ServiceDefaults.EventStore;

public static class EventStoreExtensions
{
    /// <summary>The connection string naming the service's own PostgreSQL database.</summary>
    public const string ConnectionName = "events";

    /// <summary>
    /// The service's event store: its own database (created when missing), schema objects applied at start-up (or, in
    /// production, only by the deploy step <see cref="SchemaCommand"/> and checked at start-up),
    /// Quick appends (the daemon woken by LISTEN/NOTIFY), every event carrying correlation, causation, caller and trace context, the async daemon
    /// (one leader per projection across instances), the inbox of handled messages and the idempotency keys of requests.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore(
        this IHostApplicationBuilder builder, string serviceName, Action<StoreOptions> configure)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured.");
        var schema = SchemaSettings.From(builder.Configuration);

        builder.Services.AddHealthChecks().AddTypeActivatedCheck<PostgresHealthCheck>(
            "postgresql", failureStatus: null, tags: [HealthExtensions.Ready], args: connectionString);

        var marten = builder.Services
            .AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = serviceName.Replace('-', '_');
                options.AutoCreateSchemaObjects = schema.ApplySchemaAtStartup ? AutoCreate.CreateOrUpdate : AutoCreate.None;
                options.Events.AppendMode = EventAppendMode.Quick;
                // The async daemon (projections, the event forwarder) is woken by PostgreSQL NOTIFY when events are appended
                // instead of waiting for its next poll: an event reaches the other services in ~70 ms instead of ~700 ms
                // (docs/benchmarks.md, event delivery). Polling stays as the safety net.
                options.Events.UseListenNotifyForEventAppends = true;
                options.Events.MetadataConfig.EnableAll();
                options.Events.MetadataConfig.UserNameEnabled = true;
                // Enums are stored by name: reordering an enum must never rewrite history.
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
                options.Schema.For<HandledMessage>().Identity(m => m.Id);
                IdempotencyRecord.Map(options);
                // Not Marten's connection spans: their wrapper cannot start a transaction on a session enlisted in an
                // idempotent request's transaction (FetchForExclusiveWriting fails); Npgsql's own tracing records every command.
                options.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.None;
                options.OpenTelemetry.TrackEventCounters();
                configure(options);
            })
            .UseLightweightSessions()
            .BuildSessionsWith<CorrelatedSessionFactory>()
            .AddAsyncDaemon(DaemonMode.HotCold);
        if (schema.ApplySchemaAtStartup)
        {
            marten.ApplyAllDatabaseChangesOnStartup();
            SchemaMigrationRetry.Wrap(builder.Services);
        }

        builder.Services.AddHostedService<StoppedShardRestarts>();
        builder.AddIdempotencyKeys();

        // Marten puts its schema migration first among the hosted services; the database must exist before it runs,
        // and in production its schema must match before the daemon or any request uses it.
        builder.Services.AddSingleton(provider => new DatabaseBootstrapper(connectionString, provider.GetRequiredService<ILogger<DatabaseBootstrapper>>()));
        if (!schema.ApplySchemaAtStartup) builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaVerification>());
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(provider => provider.GetRequiredService<DatabaseBootstrapper>()));
        return marten;
    }
}
