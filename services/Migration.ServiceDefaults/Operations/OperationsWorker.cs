using System.Security.Cryptography;
using System.Text;
using Marten;
using Migration.ServiceDefaults.EventStore;
using Npgsql;

namespace Migration.ServiceDefaults.Operations;

/// <summary>Wakes this instance's worker at once when an operation was requested here (others find it at their next poll).</summary>
public sealed class OperationSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Raise() => _signal.Release();

    public Task Wait(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

/// <summary>
/// Runs the pending operations on every instance, each on exactly one of them:
/// <list type="bullet">
/// <item>an instance runs an operation only while it holds a PostgreSQL advisory lock named after the operation's kind
/// and target, on a connection of its own; a second instance skips it, and if the holder dies its connection closes,
/// the lock is free and another instance takes the operation over (a rebuild and a rewind can both safely run again);</item>
/// <item>a rewind runs only on the instance whose daemon runs the subscription (its HotCold leader): rewinding elsewhere
/// would start a second copy of the subscription beside the leader's.</item>
/// </list>
/// Start, end and outcome are stored on the operation and in the audit.
/// </summary>
public sealed class OperationsWorker(
    IDocumentStore store, OperationSignal signal, ProjectionCatalog catalog, OnlineRebuild rebuild, OperationsAudit audit,
    Marten.Events.Daemon.Coordination.IProjectionCoordinator coordinator, IConfiguration configuration, TimeProvider clock, ILogger<OperationsWorker> logger)
    : BackgroundService
{
    /// <summary>How often an instance looks for operations requested elsewhere.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.Wait(PollInterval, stoppingToken);
                foreach (var operation in await Unfinished(stoppingToken))
                {
                    if (operation.Kind == OperationKind.Rewind && !catalog.RunsHere(operation.Target)) continue;
                    await TryRun(operation.Id, operation.ActiveKey, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                // The store is unreachable: the operations stay as they are and are looked at again at the next poll.
                logger.LogError(failure, "Looking for operations failed");
            }
        }
    }

    private async Task<IReadOnlyList<Operation>> Unfinished(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<Operation>()
            .Where(o => o.Status == OperationStatus.Pending || o.Status == OperationStatus.Running)
            .OrderBy(o => o.RequestedAt)
            .ToListAsync(cancellationToken);
    }

    private async Task TryRun(Guid id, string key, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString(EventStoreExtensions.ConnectionName));
        await connection.OpenAsync(stoppingToken);
        var lockId = LockId(key);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock(@id)", connection))
        {
            take.Parameters.AddWithValue("id", lockId);
            if (await take.ExecuteScalarAsync(stoppingToken) is not true) return;
        }

        try
        {
            // Re-read under the lock: the instance that held it may have finished the operation meanwhile.
            Operation? operation;
            await using (var session = store.QuerySession()) operation = await session.LoadAsync<Operation>(id, stoppingToken);
            if (operation is null || operation.IsFinished) return;
            await Run(operation, stoppingToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(@id)", connection);
            release.Parameters.AddWithValue("id", lockId);
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private async Task Run(Operation operation, CancellationToken stoppingToken)
    {
        operation = operation with { Status = OperationStatus.Running, RunBy = Instance, StartedAt = clock.GetUtcNow(), Processed = 0 };
        await Save(operation, stoppingToken);
        logger.LogInformation("Running {Kind} of {Target} ({OperationId})", operation.Kind, operation.Target, operation.Id);
        try
        {
            var result = operation.Kind switch
            {
                OperationKind.Rebuild => await Rebuild(operation, stoppingToken),
                OperationKind.Rewind => await Rewind(operation, stoppingToken),
                _ => throw new InvalidOperationException($"Unknown operation kind {operation.Kind}."),
            };
            operation = await Latest(operation, stoppingToken);
            await Finish(operation with { Status = OperationStatus.Succeeded, Result = result }, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the operation stays running; the lock goes with this connection and another instance resumes it.
            throw;
        }
        catch (Exception failure)
        {
            logger.LogError(failure, "{Kind} of {Target} failed", operation.Kind, operation.Target);
            operation = await Latest(operation, stoppingToken);
            await Finish(operation with { Status = OperationStatus.Failed, Failure = $"{failure.GetType().Name}: {failure.Message}" }, stoppingToken);
        }
    }

    private async Task<string> Rebuild(Operation operation, CancellationToken stoppingToken)
    {
        var projection = catalog.FindProjection(operation.Target)
            ?? throw new InvalidOperationException($"The projection {operation.Target} is no longer registered.");
        var outcome = await rebuild.Run(projection, async streams => await Save(operation = operation with { Processed = streams }, stoppingToken), stoppingToken);
        return $"{outcome.Streams} streams folded in {outcome.Passes} passes; {outcome.Written} documents written, {outcome.Deleted} deleted.";
    }

    private async Task<string> Rewind(Operation operation, CancellationToken stoppingToken)
    {
        var floor = (operation.FromSequence ?? 1) - 1;
        await coordinator.DaemonForMainDatabase().RewindSubscriptionAsync(operation.Target, stoppingToken, floor);
        return $"Rewound to sequence {floor}: events from sequence {floor + 1} on are published again.";
    }

    private async Task<Operation> Latest(Operation operation, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Operation>(operation.Id, cancellationToken) ?? operation;
    }

    private async Task Save(Operation operation, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(operation);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stores the outcome, frees the target for the next operation and audits it, in one transaction.</summary>
    private async Task Finish(Operation operation, CancellationToken cancellationToken)
    {
        operation = operation with { FinishedAt = clock.GetUtcNow() };
        await using var session = store.LightweightSession();
        session.Store(operation);
        session.Delete<ActiveOperation>(operation.ActiveKey);
        audit.Record(session, operation.RequestedBy,
            operation.Kind == OperationKind.Rebuild ? AuditActions.RebuildFinished : AuditActions.RewindFinished,
            operation.Target, operation.Status.ToString().ToLowerInvariant(), operation.Result ?? operation.Failure, operation.Id, operation.CorrelationId);
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Kind} of {Target} {Status}: {Outcome}", operation.Kind, operation.Target, operation.Status, operation.Result ?? operation.Failure);
    }

    /// <summary>The advisory lock an instance holds while it runs an operation of <paramref name="kind"/> on <paramref name="target"/>.</summary>
    public static long LockIdOf(OperationKind kind, string target) => LockId(ActiveOperation.KeyOf(kind, target));

    /// <summary>The advisory lock of an operation's kind and target: a 64-bit hash, in a space of its own.</summary>
    private static long LockId(string key) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"migration-operations/{key}")), 0);
}
