using JasperFx;
using Marten;
using Marten.Patching;
using Marten.Services;

namespace Migration.ServiceDefaults.Idempotency;

/// <summary>
/// Takes, completes and releases idempotency keys in the service's own PostgreSQL. Taking a key inserts its record;
/// the record's primary key is what makes two racing requests with the same key unable to both run.
/// </summary>
public sealed class IdempotencyStore(IDocumentStore store, TimeProvider clock, IdempotencySettings settings)
{
    /// <summary>Takes the key for <paramref name="request"/>, or says why it cannot run.</summary>
    public async Task<IdempotencyClaim> Take(IdempotentRequest request, CancellationToken cancellationToken)
    {
        // A record whose retention or lease has run out no longer holds the key.
        await using (var expired = store.LightweightSession())
        {
            var now = clock.GetUtcNow();
            expired.DeleteWhere<IdempotencyRecord>(r => r.Id == request.RecordId && r.ExpiresAt <= now);
            await expired.SaveChangesAsync(cancellationToken);
        }

        await using var session = store.LightweightSession();
        session.Insert(new IdempotencyRecord(request.RecordId, request.Caller, request.Method, request.Path, request.Key, request.BodyHash,
            clock.GetUtcNow() + settings.InProgressLease));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return new IdempotencyClaim.Taken();
        }
        catch (DocumentAlreadyExistsException)
        {
            return await Existing(request, cancellationToken);
        }
    }

    /// <summary>Extends the lease of a request that is still running.</summary>
    public async Task Renew(IdempotentRequest request, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Patch<IdempotencyRecord>(request.RecordId).Set(r => r.ExpiresAt, clock.GetUtcNow() + settings.InProgressLease);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Opens the transaction an idempotent request runs in (see <see cref="IdempotentTransaction"/>).</summary>
    public async Task<IdempotentTransaction> Begin(CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return new IdempotentTransaction(connection, await connection.BeginTransactionAsync(cancellationToken));
    }

    /// <summary>Keeps the first answer for the key's retention period, in the request's own transaction, and commits it.</summary>
    public async Task Complete(IdempotentRequest request, StoredResponse response, IdempotentTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction.Transaction)))
        {
            session.Store(Answered(request, response));
            await session.SaveChangesAsync(cancellationToken);
        }

        await transaction.Transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Keeps the first answer for the key's retention period.</summary>
    public async Task Complete(IdempotentRequest request, StoredResponse response, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(Answered(request, response));
        await session.SaveChangesAsync(cancellationToken);
    }

    private IdempotencyRecord Answered(IdempotentRequest request, StoredResponse response) =>
        new(request.RecordId, request.Caller, request.Method, request.Path, request.Key, request.BodyHash, clock.GetUtcNow() + settings.Retention, response);

    /// <summary>Gives the key back (the request failed on the server's side): a retry with it runs again.</summary>
    public async Task Release(IdempotentRequest request, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Delete<IdempotencyRecord>(request.RecordId);
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task<IdempotencyClaim> Existing(IdempotentRequest request, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        var record = await query.LoadAsync<IdempotencyRecord>(request.RecordId, cancellationToken);
        return record switch
        {
            // Released between our insert and this read: the other request failed; the caller may simply retry.
            null => new IdempotencyClaim.StillRunning(),
            _ when !string.Equals(record.BodyHash, request.BodyHash, StringComparison.Ordinal) => new IdempotencyClaim.ReusedWithAnotherBody(),
            { Response: { } response } => new IdempotencyClaim.Answered(response),
            _ => new IdempotencyClaim.StillRunning(),
        };
    }
}
