namespace Migration.ServiceDefaults.Operations;

/// <summary>The stable problem codes of the operations API.</summary>
public static class OperationCodes
{
    public const string ProjectionNotFound = "operations.projection-not-found";
    public const string SubscriptionNotFound = "operations.subscription-not-found";
    public const string OperationNotFound = "operations.operation-not-found";
    public const string QueueNotFound = "operations.queue-not-found";
    public const string InProgress = "operations.in-progress";
    public const string RebuildUnsupported = "operations.rebuild-unsupported";
    public const string RewindPointRequired = "operations.rewind-point-required";
    public const string RewindForward = "operations.rewind-forward";
    public const string NothingToRepublish = "operations.nothing-to-republish";
}
