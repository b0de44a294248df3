using System.Threading.Channels;

namespace Migration.ServiceDefaults.Importing;

/// <summary>The ids of jobs waiting for this instance's worker, in the order they were submitted.</summary>
public sealed class PendingImports
{
    private readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Guid> Reader => _jobs.Reader;

    public void Enqueue(Guid jobId) => _jobs.Writer.TryWrite(jobId);
}
