using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Migration.Testing.Servers;

/// <summary>
/// What keeps test classes apart on shared servers: each gets a unique name, used as the prefix of its databases
/// and as its own RabbitMQ virtual host, so classes run in parallel without seeing each other's data or messages.
/// </summary>
public sealed class Isolation(ServerEndpoints servers, string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    public ServerEndpoints Servers { get; } = servers;

    public string VirtualHost => Name;

    /// <param name="purpose">A word for the name, to recognise the class's databases and virtual host.</param>
    /// <param name="on">Servers of the caller's own (e.g. a private pair that a fault run restarts); the test run's by default.</param>
    public static async Task<Isolation> Create(string purpose, ServerEndpoints? on = null)
    {
        var servers = on ?? await TestServers.Get();
        var name = $"t{Guid.NewGuid():N}"[..13] + "_" + new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(16).ToArray());
        var isolation = new Isolation(servers, name);
        await isolation.Management(HttpMethod.Put, $"api/vhosts/{name}", null);
        await isolation.Management(HttpMethod.Put, $"api/permissions/{name}/{servers.RabbitMqManagement.UserInfo.Split(':')[0]}",
            """{"configure":".*","write":".*","read":".*"}""");
        return isolation;
    }

    /// <summary>The connection string of this class's own database for <paramref name="service"/> (created by the service on start).</summary>
    public string Database(string service) => Servers.PostgresDatabase($"{Name}_{service.Replace('-', '_')}");

    public Uri Broker => Servers.RabbitMqVirtualHost(VirtualHost);

    /// <summary>Messages waiting in a queue of this class's virtual host (0 when the queue does not exist yet).</summary>
    public async Task<int> QueueDepth(string queue)
    {
        using var response = await Management(HttpMethod.Get, $"api/queues/{VirtualHost}/{queue}", null, throwOnError: false);
        if (!response.IsSuccessStatusCode) return 0;
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == System.Text.Json.JsonValueKind.Number
            ? messages.GetInt32()
            : 0;
    }

    public async ValueTask DisposeAsync()
    {
        (await Management(HttpMethod.Delete, $"api/vhosts/{VirtualHost}", null, throwOnError: false)).Dispose();
        await using var connection = new NpgsqlConnection(Servers.PostgresDatabase("postgres"));
        await connection.OpenAsync();
        await using var find = new NpgsqlCommand("select datname from pg_database where datname like $1", connection);
        find.Parameters.AddWithValue(Name + "\\_%");
        var databases = new List<string>();
        await using (var reader = await find.ExecuteReaderAsync())
            while (await reader.ReadAsync()) databases.Add(reader.GetString(0));
        foreach (var database in databases)
        {
            await using var drop = new NpgsqlCommand($"drop database if exists \"{database}\" with (force)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<HttpResponseMessage> Management(HttpMethod method, string path, string? json, bool throwOnError = true)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Servers.RabbitMqManagement.GetLeftPart(UriPartial.Authority)) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(Servers.RabbitMqManagement.UserInfo))));
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        if (throwOnError && !response.IsSuccessStatusCode)
            throw new InvalidOperationException($"RabbitMQ management {method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
