using JasperFx;
using JasperFx.Events.Daemon;

namespace Migration.ServiceDefaults.EventStore;

/// <summary>
/// The async daemon's coordinator starts again an agent that paused on a failure, but never one that stopped itself on
/// a failure: an agent whose checkpoint was found out of order (its page was dropped, or another instance wrote the
/// checkpoint while both believed they led after a database restart) stays stopped on the instance that still holds the
/// shard's lock, and the projection or the event forwarder stands still for good. Every few seconds this takes such an
/// agent off the daemon's list, so that the coordinator of whichever instance holds the lock starts it again from its
/// checkpoint; at-least-once delivery makes the pages replayed since that checkpoint harmless.
/// </summary>
internal sealed class StoppedShardRestarts(IProjectionCoordinator coordinator, ILogger<StoppedShardRestarts> logger) : BackgroundService
{
    /// <summary>How often the daemon's agents are looked at (the coordinator's own health check runs every 5 s).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var daemon = coordinator.DaemonForMainDatabase();
                foreach (var agent in daemon.CurrentAgents().Where(a => a.Status == AgentStatus.Stopped && a.Failure is not null))
                {
                    logger.LogWarning("Event-store agent {Shard} stopped on a failure ({Failure}); handing it back to the coordinator to start again from its checkpoint",
                        agent.Name.Identity, agent.Failure);
                    daemon.EjectPausedShard(agent.Name.Identity);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Could not look at the event-store agents; trying again in {Interval}", Interval);
            }
        }
    }
}
