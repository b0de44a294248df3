using System.Diagnostics;
using MassTransit;
using Published = Migration.Contracts.Registry;

namespace Migration.Benchmarks;

/// <summary>
/// Watches the source service's bus: completes when the forwarder has had the expected number of certifications
/// confirmed by the broker, so a run splits into append, forward and consume, and the report says which one sets the pace.
/// </summary>
public sealed class ForwardProbe : IPublishObserver
{
    private Countdown? _current;

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp of the <paramref name="count"/>-th confirmed publish from now.</summary>
    public Task<long> Expect(int count)
    {
        var countdown = new Countdown(count);
        _current = countdown;
        return countdown.Done.Task;
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is Published.SettlementCertified) _current?.Signal();
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;

    private sealed class Countdown(int count)
    {
        private int _remaining = count;

        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Signal()
        {
            if (Interlocked.Decrement(ref _remaining) == 0) Done.TrySetResult(Stopwatch.GetTimestamp());
        }
    }
}
