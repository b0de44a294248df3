namespace Migration.ServiceDefaults.Problems;

/// <summary>
/// A request's own database transaction lost its connection (the server restarted under it). What the code then meets
/// is no database error but Npgsql's "Transaction is already completed" when Marten retries a command in that
/// transaction; this names the real cause, so that the request is answered 503 like any other outage.
/// </summary>
public sealed class DatabaseConnectionLostException(Exception inner)
    : Exception("The request's database transaction lost its connection.", inner);
