using JasperFx;
using Marten;
using Microsoft.AspNetCore.Builder;
using Weasel.Core;

namespace Migration.ServiceDefaults.EventStore;

/// <summary>
/// The schema deploy step, run from the service's own build before its new version starts:
/// <list type="bullet">
/// <item><c>schema check</c>: exit 0 when the database matches this version, 3 when it needs changes;</item>
/// <item><c>schema script FILE</c>: write the SQL that <c>apply</c> would run (for review), exit 0;</item>
/// <item><c>schema apply</c>: create the database when missing, then every missing or changed schema object; exit 0.</item>
/// </list>
/// Marten changes are additive (new tables, columns, functions, indexes); nothing is dropped.
/// </summary>
public static class SchemaCommand
{
    public const int OutOfDate = 3;
    private const int Usage = 64;

    /// <summary>Runs the service, or the schema step when the first argument is <c>schema</c>; returns the exit code.</summary>
    public static async Task<int> RunServiceAsync(this WebApplication app, string[] args)
    {
        if (args is not ["schema", ..])
        {
            try
            {
                await app.RunAsync();
                return 0;
            }
            catch (SchemaOutOfDateException)
            {
                return OutOfDate; // logged by the check that refused to start
            }
        }

        var service = app.Services.GetRequiredService<RunningService>().Name;
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var output = Console.Out;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        switch (args)
        {
            case ["schema", "check"]:
            {
                SchemaPatchDifference difference;
                try
                {
                    difference = (await store.Storage.Database.CreateMigrationAsync(stop.Token)).Difference;
                }
                catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
                {
                    await output.WriteLineAsync($"{service}: the database does not exist yet");
                    return OutOfDate;
                }

                await output.WriteLineAsync($"{service}: schema {(difference == SchemaPatchDifference.None ? "up to date" : $"needs changes ({difference})")}");
                return difference == SchemaPatchDifference.None ? 0 : OutOfDate;
            }
            case ["schema", "script", var file]:
            {
                var migration = await store.Storage.Database.CreateMigrationAsync(stop.Token);
                await using (var writer = File.CreateText(file))
                    migration.WriteAllUpdates(writer, new Weasel.Postgresql.PostgresqlMigrator(), AutoCreate.CreateOrUpdate);
                await output.WriteLineAsync($"{service}: {migration.Difference}; SQL written to {file}");
                return 0;
            }
            case ["schema", "apply"]:
            {
                await app.Services.GetRequiredService<DatabaseBootstrapper>().StartAsync(stop.Token);
                var before = (await store.Storage.Database.CreateMigrationAsync(stop.Token)).Difference;
                await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync(AutoCreate.CreateOrUpdate);
                await output.WriteLineAsync($"{service}: schema {(before == SchemaPatchDifference.None ? "already up to date" : $"applied ({before})")}");
                return 0;
            }
            default:
                await Console.Error.WriteLineAsync("usage: schema check | schema script FILE | schema apply");
                return Usage;
        }
    }
}
