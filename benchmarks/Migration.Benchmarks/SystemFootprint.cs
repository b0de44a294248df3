using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Migration.Testing.Servers;

namespace Migration.Benchmarks;

/// <summary>
/// What a run left behind: the bytes of each service's database (<c>pg_database_size</c>) and the messages the broker
/// delivered to consumers in the system's virtual host (the management API's <c>deliver_get</c>).
/// </summary>
public static class SystemFootprint
{
    public static Task<IReadOnlyDictionary<string, long>> DatabaseBytes(Isolation isolation, CancellationToken cancellationToken) =>
        EventCounts.PerService(isolation, _ => "select pg_database_size(current_database())", cancellationToken);

    /// <summary>
    /// Messages delivered in the virtual host so far, once the management API's statistics (sampled every 5 s) have
    /// settled: two reads 5 s apart that agree.
    /// </summary>
    public static async Task<long> MessagesDelivered(Isolation isolation, CancellationToken cancellationToken)
    {
        var management = isolation.Servers.RabbitMqManagement;
        using var client = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        async Task<long> Read()
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"api/vhosts/{Uri.EscapeDataString(isolation.VirtualHost)}", UriKind.Relative), cancellationToken));
            return json.RootElement.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("deliver_get", out var delivered) ? delivered.GetInt64() : 0;
        }

        var last = await Read();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken); // the statistics' own sampling interval
            var now = await Read();
            if (now == last) return now;
            last = now;
        }

        return last;
    }
}
