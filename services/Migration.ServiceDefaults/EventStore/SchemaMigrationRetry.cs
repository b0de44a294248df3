namespace Migration.ServiceDefaults.EventStore;

/// <summary>
/// Marten applies the schema at start-up in a hosted service of its own, which fails the start (and so the process) when
/// PostgreSQL restarts in the middle of it. Wrapped in this, it is tried again with <see cref="StartupRetry"/> while the
/// database is unreachable: an instance started during a database restart waits for it instead of exiting.
/// </summary>
internal sealed class SchemaMigrationRetry(IHostedService migration, ILogger<SchemaMigrationRetry> logger) : IHostedService
{
    /// <summary>Marten's own hosted service (an internal type), found among the registrations by its name.</summary>
    public const string MartenActivator = "MartenActivator";

    public async Task StartAsync(CancellationToken cancellationToken) =>
        await StartupRetry.Pipeline(logger, "PostgreSQL (schema)").ExecuteAsync(async token => await migration.StartAsync(token), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => migration.StopAsync(cancellationToken);

    /// <summary>Puts the retry around Marten's schema migration, in the migration's place among the hosted services.</summary>
    public static void Wrap(IServiceCollection services)
    {
        var registration = services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Name == MartenActivator);
        var type = registration.ImplementationType!;
        services[services.IndexOf(registration)] = ServiceDescriptor.Singleton<IHostedService>(provider => new SchemaMigrationRetry(
            (IHostedService)ActivatorUtilities.CreateInstance(provider, type), provider.GetRequiredService<ILogger<SchemaMigrationRetry>>()));
    }
}
