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
        using var client = Management(isolation);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"api/queues/{Uri.EscapeDataString(isolation.VirtualHost)}", UriKind.Relative)));
        return json.RootElement.EnumerateArray().ToDictionary(
            q => q.GetProperty("name").GetString()!,
            q => q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt32() : 0);
    }

    /// <summary>Why the first <paramref name="count"/> messages of an error queue failed (MassTransit's fault headers); they stay in the queue.</summary>
    public static async Task<IReadOnlyList<string>> Faults(Isolation isolation, string queue, int count)
    {
        using var client = Management(isolation);
        using var request = new StringContent(JsonSerializer.Serialize(new { count, ackmode = "ack_requeue_true", encoding = "auto" }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(
            new Uri($"api/queues/{Uri.EscapeDataString(isolation.VirtualHost)}/{Uri.EscapeDataString(queue)}/get", UriKind.Relative), request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(message =>
        {
            var headers = message.GetProperty("properties").TryGetProperty("headers", out var h) ? h : default;
            string Header(string name) => headers.ValueKind == JsonValueKind.Object && headers.TryGetProperty(name, out var v) ? v.ToString() : "?";
            return $"{Header("MT-Fault-Timestamp")} {Header("MT-Fault-ConsumerType")}: {Header("MT-Fault-ExceptionType")}: {Header("MT-Fault-Message")}\n    {Header("MT-Fault-StackTrace").Split('\n').Take(8).Aggregate((a, b) => a + "\n    " + b)}";
        })];
    }

    private static HttpClient Management(Isolation isolation)
    {
        var management = isolation.Servers.RabbitMqManagement;
        var client = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        return client;
    }
}
