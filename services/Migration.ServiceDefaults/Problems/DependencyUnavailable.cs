using System.Net.Sockets;
using Npgsql;

namespace Migration.ServiceDefaults.Problems;

/// <summary>
/// Whether an exception means that a server the service depends on (its PostgreSQL) is unreachable or going down,
/// rather than that the request or the code is wrong: such a request is answered 503 <c>service.unavailable</c> with
/// <c>Retry-After</c>, and a consumer's message is retried until the server is back instead of going to its error queue.
/// </summary>
public static class DependencyUnavailable
{
    /// <summary>Seconds a client should wait before trying again (a PostgreSQL restart takes a few).</summary>
    public const int RetryAfterSeconds = 2;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when IsShutdownOrConnection(postgres.SqlState):
                    return true;
                case PostgresException:
                    return false; // the server answered: a real error of the request or the code
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException:
                case DatabaseConnectionLostException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }

        return false;
    }

    /// <summary>57P01–57P05: the server is shutting down or cannot accept connections; class 08: the connection failed.</summary>
    private static bool IsShutdownOrConnection(string sqlState) =>
        sqlState.StartsWith("57P", StringComparison.Ordinal) || sqlState.StartsWith("08", StringComparison.Ordinal);
}
