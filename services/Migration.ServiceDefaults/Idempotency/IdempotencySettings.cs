namespace Migration.ServiceDefaults.Idempotency;

/// <summary>How long keys are remembered (section <c>Idempotency</c>).</summary>
public sealed class IdempotencySettings
{
    public const string Section = "Idempotency";

    /// <summary>How long a completed request's answer is replayed for its key: a day covers any sensible client retry.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a started request holds its key without renewing it before it counts as abandoned (the process died
    /// while it ran): a running request renews the lease every third of it, so a live request is never overtaken, and
    /// a retry after a crash waits at most this long.
    /// </summary>
    public TimeSpan InProgressLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Answers larger than this are kept without their body (status, Location, ETag): a repeat is answered with those
    /// and never runs again (a 5,000-payment batch answers several megabytes).
    /// </summary>
    public int MaxStoredResponseBytes { get; set; } = 1024 * 1024;
}
