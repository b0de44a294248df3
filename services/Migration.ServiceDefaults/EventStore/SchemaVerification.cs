using Marten;
using Weasel.Core;

namespace Migration.ServiceDefaults.EventStore;

/// <summary>
/// In production the service changes no schema object: at start it compares the database with what this version needs
/// and stops, naming the deploy step, when they differ (a pod then waits in a restart loop until the step has run).
/// </summary>
internal sealed class SchemaVerification(IDocumentStore store, RunningService service, ILogger<SchemaVerification> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // PostgreSQL may go away between the bootstrapper's check and this one (a restart): wait for it as the bootstrapper does.
        var migration = await StartupRetry.Pipeline(logger, "PostgreSQL")
            .ExecuteAsync(async token => await store.Storage.Database.CreateMigrationAsync(token), cancellationToken);
        if (migration.Difference == SchemaPatchDifference.None) return;

        logger.LogCritical(
            "The database of {Service} does not match this version ({Difference}); apply the schema first: `dotnet Migration.*.dll schema apply` (the deploy step)",
            service.Name, migration.Difference);
        throw new SchemaOutOfDateException(service.Name, migration.Difference.ToString());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class SchemaOutOfDateException(string service, string difference)
    : Exception($"The database of {service} does not match this version ({difference}): run the schema deploy step (`schema apply`) first.");
