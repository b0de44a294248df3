using Microsoft.EntityFrameworkCore;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Migration.Identity.Storage;

/// <summary>
/// Before the service takes requests: the database and its tables exist (created when missing, retried while PostgreSQL
/// is starting), and the key ring is loaded. The schema is created from the model; the identity service owns it alone.
/// </summary>
public static class DatabaseStartup
{
    private static readonly ResiliencePipeline Retry = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 30,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Constant,
        })
        .Build();

    public static async Task<KeyRing> Prepare(string connectionString, TimeProvider clock, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<IdentityDatabase>().UseNpgsql(connectionString).Options;
        return await Retry.ExecuteAsync(async token =>
        {
            await using var database = new IdentityDatabase(options);
            await CreateIfMissing(database, token);
            return await KeyRing.LoadOrCreate(database, clock, token);
        }, cancellationToken);
    }

    /// <summary>Creates the database and tables; a second instance racing on the same step finds them made.</summary>
    private static async Task CreateIfMissing(IdentityDatabase database, CancellationToken cancellationToken)
    {
        try
        {
            await database.Database.EnsureCreatedAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
        {
            // Created by another instance at the same moment.
        }
    }
}
