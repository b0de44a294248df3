namespace Migration.Testing.Servers;

/// <summary>
/// Where the real servers of a test run are: a PostgreSQL server (connection string without a database),
/// a RabbitMQ broker (amqp URI of its default virtual host) and its management API.
/// </summary>
public sealed record ServerEndpoints(string Postgres, Uri RabbitMq, Uri RabbitMqManagement)
{
    public string PostgresDatabase(string database) => $"{Postgres.TrimEnd(';')};Database={database}";

    public Uri RabbitMqVirtualHost(string virtualHost) => new(RabbitMq, Uri.EscapeDataString(virtualHost));
}
