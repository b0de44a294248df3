using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Migration.Testing.Auth;
using Migration.Testing.Hosting;

namespace Migration.BrokerFailover.Tests;

/// <summary>
/// Which instance of a service runs its async daemon's shards (the HotCold leader), as each instance's operations API
/// says (<c>runningHere</c> of the event forwarder), asked of the instance directly, not through the gateway.
/// </summary>
public static class DaemonLeaders
{
    public const string Forwarder = "integration-event-forwarder";

    private static readonly Dictionary<string, string> ApiPrefix = new(StringComparer.Ordinal)
    {
        ["registry"] = "/api/registry",
        ["relocation-case"] = "/api/cases",
        ["housing-allocation"] = "/api/housing",
        ["subsidy-payment"] = "/api/payments",
    };

    /// <summary>The indexes of the running instances of <paramref name="service"/> whose daemon runs the event forwarder.</summary>
    public static async Task<IReadOnlyList<int>> RunningForwarder(ProgramSystem system, string service, CancellationToken cancellationToken = default)
    {
        var leaders = new List<int>();
        var instances = system.Instances[service];
        for (var i = 0; i < instances.Count; i++)
        {
            if (instances[i].ProcessId is null) continue;
            using var client = new HttpClient { BaseAddress = instances[i].Address, Timeout = TimeSpan.FromSeconds(15) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForger.Create("admin"));
            var projections = await client.GetFromJsonAsync<JsonElement>($"{ApiPrefix[service]}/operations/projections", cancellationToken);
            var forwarder = projections.EnumerateArray().Single(p => p.GetProperty("name").GetString() == Forwarder);
            if (forwarder.GetProperty("runningHere").ValueKind == JsonValueKind.True) leaders.Add(i);
        }

        return leaders;
    }
}
