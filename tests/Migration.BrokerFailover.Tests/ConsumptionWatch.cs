using Migration.Testing.Hosting;

namespace Migration.BrokerFailover.Tests;

/// <summary>
/// How many messages each service instance acknowledged, sampled from the broker's channel statistics every few seconds
/// while the program runs: each channel is traced to the instance that owns its connection (<see cref="SocketOwners"/>)
/// and its highest count kept, so the counts of connections lost with a killed node stay counted.
/// </summary>
public sealed class ConsumptionWatch(ClusterManagement management, ProgramSystem system)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, (int ProcessId, long Acknowledged)> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (string Service, int Instance)> processes = [];

    /// <summary>Samples until <paramref name="cancellationToken"/> is cancelled; a sample the cluster cannot answer is skipped.</summary>
    public async Task Run(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Sample(cancellationToken);
                await Task.Delay(Interval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // No node answered this time (one is being killed): the next sample will.
            }
        }
    }

    /// <summary>One more look, e.g. after the run, so that the last deliveries are counted.</summary>
    public async Task Sample(CancellationToken cancellationToken = default)
    {
        foreach (var (service, instances) in system.Instances)
        {
            for (var i = 0; i < instances.Count; i++)
                if (instances[i].ProcessId is { } pid) processes[pid] = (service, i);
        }

        var seen = await management.Channels(cancellationToken);
        var owners = SocketOwners.ByLocalPort(processes.Keys);
        foreach (var channel in seen)
        {
            if (!owners.TryGetValue(channel.ClientPort, out var pid)) continue;
            var key = $"{channel.Node} {channel.Name}";
            channels[key] = (pid, Math.Max(channel.Acknowledged, channels.GetValueOrDefault(key).Acknowledged));
        }
    }

    /// <summary>Messages acknowledged by each instance of each service (instances that acknowledged none are listed with 0).</summary>
    public IReadOnlyDictionary<string, long[]> ByInstance() =>
        system.Instances.ToDictionary(s => s.Key, s => Enumerable.Range(0, s.Value.Count)
            .Select(i => channels.Values.Where(c => processes.GetValueOrDefault(c.ProcessId) == (s.Key, i)).Sum(c => c.Acknowledged))
            .ToArray());
}
