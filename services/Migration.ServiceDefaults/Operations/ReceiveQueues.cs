using System.Collections.Concurrent;
using MassTransit;

namespace Migration.ServiceDefaults.Operations;

/// <summary>
/// The queues this service's bus consumes from, recorded as MassTransit configures each receive endpoint. A queue's
/// failed messages wait in <c>&lt;queue&gt;_error</c>; these are the only error queues the operations API touches.
/// </summary>
public sealed class ReceiveQueues : IConfigureReceiveEndpoint
{
    public const string ErrorSuffix = "_error";

    private readonly ConcurrentDictionary<string, byte> _queues = new(StringComparer.Ordinal);

    public IReadOnlyList<string> All => [.. _queues.Keys.Order(StringComparer.Ordinal)];

    public void Configure(string name, IReceiveEndpointConfigurator configurator) => _queues.TryAdd(name, 0);

    /// <summary>The queue whose error queue is <paramref name="errorQueue"/>, when it is one of this service's.</summary>
    public string? SourceOf(string errorQueue) =>
        errorQueue.EndsWith(ErrorSuffix, StringComparison.Ordinal) && _queues.ContainsKey(errorQueue[..^ErrorSuffix.Length])
            ? errorQueue[..^ErrorSuffix.Length]
            : null;
}
