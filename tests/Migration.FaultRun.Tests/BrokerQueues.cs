using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Migration.Testing.Servers;

namespace Migration.FaultRun.Tests;

/// <summary>The queues of the system's virtual host with their messages, from the RabbitMQ management API.</summary>
public static class BrokerQueues
{
    public static async Task<IReadOnlyDictionary<string, int>> Depths(Isolation isolation)
    {
        var management = isolation.Servers.RabbitMqManagement;
        using var client = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"api/queues/{Uri.EscapeDataString(isolation.VirtualHost)}", UriKind.Relative)));
        return json.RootElement.EnumerateArray().ToDictionary(
            q => q.GetProperty("name").GetString()!,
            q => q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : 0);
    }
}
