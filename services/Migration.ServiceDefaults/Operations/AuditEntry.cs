namespace Migration.ServiceDefaults.Operations;

/// <summary>
/// One operator action on the service's plumbing: who, when, what (the action and its target) and the outcome. Kept in
/// the service's own database and never changed; <see cref="Id"/> is a time-ordered id, so the audit lists in order.
/// </summary>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    string Caller,
    string Action,
    string Target,
    string Outcome,
    string? Detail,
    Guid? OperationId,
    string? CorrelationId);

/// <summary>The actions the audit names.</summary>
public static class AuditActions
{
    public const string RebuildRequested = "projection.rebuild-requested";
    public const string RebuildFinished = "projection.rebuild-finished";
    public const string RewindRequested = "subscription.rewind-requested";
    public const string RewindFinished = "subscription.rewind-finished";
    public const string ErrorQueuePeeked = "error-queue.peeked";
    public const string ErrorQueueReplayed = "error-queue.replayed";
}
