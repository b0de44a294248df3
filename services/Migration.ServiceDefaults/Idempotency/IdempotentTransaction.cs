using Npgsql;

namespace Migration.ServiceDefaults.Idempotency;

/// <summary>
/// The database transaction a request with an idempotency key runs in: the request's Marten session writes into it
/// (<c>CorrelatedSessionFactory</c> enlists the session), and the key's stored answer is written into it too before it
/// commits. The effects and the answer commit together, so a process killed at any moment leaves either both (a retry
/// is answered) or neither (a retry runs), never effects without an answer.
/// </summary>
public sealed class IdempotentTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>The connection broke (the server restarted or cut it): the transaction is gone, uncommitted.</summary>
    public bool ConnectionLost =>
        Transaction.Connection is null || connection.FullState.HasFlag(System.Data.ConnectionState.Broken) || connection.State == System.Data.ConnectionState.Closed;

    /// <summary>Disposing without committing rolls back.</summary>
    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
