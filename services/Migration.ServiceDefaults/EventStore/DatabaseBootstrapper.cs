using Migration.ServiceDefaults.Problems;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Migration.ServiceDefaults.EventStore;

/// <summary>
/// Runs before Marten's schema migration at start-up: waits (with retries) until PostgreSQL answers,
/// then creates the service's own database when it is missing.
/// </summary>
internal sealed class DatabaseBootstrapper(string connectionString, ILogger<DatabaseBootstrapper> logger) : IHostedService
{
    private const string DuplicateDatabase = "42P04";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database ?? throw new InvalidOperationException("The event-store connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };

        await StartupRetry.Pipeline(logger, "PostgreSQL").ExecuteAsync(async token =>
        {
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(token);
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
            exists.Parameters.AddWithValue(database);
            if (await exists.ExecuteScalarAsync(token) is not null) return;

            try
            {
                await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await create.ExecuteNonQueryAsync(token);
                logger.LogInformation("Created database {Database}", database);
            }
            catch (PostgresException exception) when (exception.SqlState == DuplicateDatabase)
            {
                // Another instance created it first.
            }
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The retry used while the servers a service needs are not yet reachable at start-up.</summary>
public static class StartupRetry
{
    public static ResiliencePipeline Pipeline(ILogger logger, string dependency) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                // Refused, cut, starting up or shutting down (57P01 "terminating connection due to administrator command"
                // is no transient error to Npgsql), also when Marten wraps it.
                ShouldHandle = new PredicateBuilder()
                    .Handle<NpgsqlException>(e => e is not PostgresException || e.IsTransient)
                    .Handle<Exception>(DependencyUnavailable.Is)
                    .Handle<TimeoutException>(),
                MaxRetryAttempts = 30,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(5),
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning("{Dependency} is not reachable yet (attempt {Attempt}): {Reason}",
                        dependency, args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
