namespace Migration.ServiceDefaults.Messaging;

/// <summary>Bound from the <c>Messaging</c> configuration section; the defaults suit production.</summary>
public sealed class MessagingSettings
{
    public const string Section = "Messaging";

    private static readonly TimeSpan[] DefaultRetryIntervals = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>
    /// Waits between redeliveries inside the consumer before a message goes to its <c>_error</c> queue.
    /// (Null by default: the configuration binder appends to an initialised array instead of replacing it.)
    /// </summary>
    public TimeSpan[]? RetryIntervals { get; set; }

    public TimeSpan[] EffectiveRetryIntervals => RetryIntervals is { Length: > 0 } configured ? configured : DefaultRetryIntervals;

    /// <summary>
    /// Waits between further attempts while the database is unreachable (about two minutes in all), before a message
    /// counts as failing. A list of its own, fixed: a restart is not an error of the message.
    /// </summary>
    public TimeSpan[] UnavailableRetryIntervals { get; } =
        [.. new[] { 1, 2, 3, 5, 5, 10, 10, 10, 15, 15, 15, 15 }.Select(seconds => TimeSpan.FromSeconds(seconds))];

    /// <summary>How many messages one endpoint handles at once.</summary>
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>How many messages RabbitMQ sends ahead of acknowledgement.</summary>
    public int PrefetchCount { get; set; } = 32;

    /// <summary>How long one publish of the event forwarder may take before it is abandoned and retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two attempts of a forwarder's publish while the broker is unreachable.</summary>
    public TimeSpan PublishRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 of a publish: 0.25 s, doubling, up to <see cref="PublishRetryMaxDelay"/>.</summary>
    public TimeSpan PublishRetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, Math.Min(attempt - 1, 10)), PublishRetryMaxDelay.TotalMilliseconds));

    /// <summary>How many events the forwarder takes in one page.</summary>
    public int ForwarderBatchSize { get; set; } = 500;
}
