using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Migration.BrokerFailover.Tests;

/// <summary>One quorum queue as the management API sees it: its leader node, its members, its messages.</summary>
/// <param name="State"><c>running</c>, or e.g. <c>down</c> for a classic queue whose node is gone (it then reports no messages).</param>
public sealed record QueueView(string Name, string Type, string State, string? Leader, IReadOnlyList<string> Members, int? Messages, long Delivered)
{
    public bool Drained => State == "running" && Messages == 0;

    public override string ToString() =>
        $"{Name} ({Type}, {State}, leader {Leader ?? "–"}, members {Members.Count}, messages {Messages?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"})";
}

/// <summary>A channel's consumption: whose connection (the client's port) and how many deliveries it acknowledged.</summary>
public sealed record ChannelView(string Name, string Node, int ClientPort, long Acknowledged);

/// <summary>
/// The cluster's management API for one virtual host, read through whichever node answers first (a killed node's API is
/// gone with it).
/// </summary>
public sealed class ClusterManagement(IReadOnlyList<Uri> nodes, string virtualHost)
{
    public async Task<IReadOnlyList<QueueView>> Queues(CancellationToken cancellationToken = default)
    {
        using var json = await Get($"api/queues/{Uri.EscapeDataString(virtualHost)}", cancellationToken);
        return [.. json.RootElement.EnumerateArray().Select(Queue)];
    }

    public async Task<QueueView> Queue(string name, CancellationToken cancellationToken = default)
    {
        using var json = await Get($"api/queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(name)}", cancellationToken);
        return Queue(json.RootElement);
    }

    public async Task<IReadOnlyList<ChannelView>> Channels(CancellationToken cancellationToken = default)
    {
        using var json = await Get($"api/vhosts/{Uri.EscapeDataString(virtualHost)}/channels", cancellationToken);
        return
        [
            .. json.RootElement.EnumerateArray().Select(c => new ChannelView(
                c.GetProperty("name").GetString()!,
                c.GetProperty("node").GetString()!,
                c.GetProperty("connection_details").GetProperty("peer_port").GetInt32(),
                Count(c, "ack"))),
        ];
    }

    private static QueueView Queue(JsonElement q) => new(
        q.GetProperty("name").GetString()!,
        q.TryGetProperty("type", out var type) ? type.GetString()! : "classic",
        q.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String ? state.GetString()! : "unknown",
        q.TryGetProperty("leader", out var leader) && leader.ValueKind == JsonValueKind.String ? leader.GetString() : null,
        q.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array ? [.. members.EnumerateArray().Select(m => m.GetString()!)] : [],
        q.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt32() : null,
        Count(q, "deliver_get"));

    private static long Count(JsonElement e, string stat) =>
        e.TryGetProperty("message_stats", out var stats) && stats.ValueKind == JsonValueKind.Object &&
        stats.TryGetProperty(stat, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : 0;

    private async Task<JsonDocument> Get(string path, CancellationToken cancellationToken)
    {
        HttpRequestException? last = null;
        foreach (var node in nodes)
        {
            using var client = new HttpClient { BaseAddress = new Uri(node.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(node.UserInfo))));
            try
            {
                return JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken));
            }
            catch (HttpRequestException e)
            {
                last = e; // that node is down (or answers 5xx while it loses a peer): ask the next
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                last = new HttpRequestException($"{node.Authority} did not answer in time", e);
            }
        }

        throw last ?? new HttpRequestException("No node to ask.");
    }
}
