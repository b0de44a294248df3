using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Published = Migration.Contracts.Registry;

namespace Migration.Benchmarks;

/// <summary>
/// Watches a consumer bus: after each successful consume of a certification (so, for the inbox consumer, after its
/// transaction committed) it records the lag "now − <c>CertifiedAt</c>" of the first delivery of each message id, and
/// completes when the expected number of distinct messages has arrived. Redeliveries are counted, not measured twice.
/// </summary>
public sealed class DeliveryProbe : IConsumeObserver
{
    private Expectation? _current;

    /// <summary>Starts expecting <paramref name="count"/> new messages; the previous expectation is dropped.</summary>
    public Expectation Expect(int count) => _current = new Expectation(count);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is Published.SettlementCertified message && context.MessageId is { } id) _current?.Record(id, message.CertifiedAt);
        if (context.Message is Batch<Published.SettlementCertified> batch)
            foreach (var one in batch)
                if (one.MessageId is { } batched) _current?.Record(batched, one.Message.CertifiedAt);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _current?.Fault();
        return Task.CompletedTask;
    }

    /// <summary>One run's deliveries.</summary>
    public sealed class Expectation(int count)
    {
        private readonly ConcurrentDictionary<Guid, byte> _seen = new();
        private readonly double[] _lagsMs = new double[count];
        private readonly TaskCompletionSource<long> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _received;
        private int _redeliveries;
        private int _faults;

        /// <summary>Completes with the <see cref="Stopwatch"/> timestamp of the last expected message's consumption.</summary>
        public Task<long> LastConsumed => _done.Task;

        public int Received => Math.Min(Volatile.Read(ref _received), _lagsMs.Length);

        public int Redeliveries => _redeliveries;

        public int Faults => _faults;

        public IReadOnlyList<double> LagsMs => _lagsMs;

        internal void Record(Guid messageId, DateTimeOffset stampedAt)
        {
            var now = DateTimeOffset.UtcNow;
            if (!_seen.TryAdd(messageId, 0))
            {
                Interlocked.Increment(ref _redeliveries);
                return;
            }

            var index = Interlocked.Increment(ref _received) - 1;
            if (index >= _lagsMs.Length) return;
            _lagsMs[index] = (now - stampedAt).TotalMilliseconds;
            if (index == _lagsMs.Length - 1) _done.TrySetResult(Stopwatch.GetTimestamp());
        }

        internal void Fault() => Interlocked.Increment(ref _faults);
    }
}
