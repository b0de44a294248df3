using Marten;

namespace Migration.ServiceDefaults.Operations;

public enum OperationKind
{
    Rebuild,
    Rewind,
}

public enum OperationStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// An operator's request that runs in the background, on whichever instance may run it: a projection rebuilt from its
/// events, or a subscription rewound to publish events again from <see cref="FromSequence"/>. Stored in the service's
/// own database, so every instance sees it and the status survives restarts.
/// </summary>
public sealed record Operation(
    Guid Id,
    OperationKind Kind,
    string Target,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string? CorrelationId,
    long? FromSequence,
    OperationStatus Status = OperationStatus.Pending,
    string? RunBy = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    long Processed = 0,
    string? Result = null,
    string? Failure = null)
{
    public bool IsFinished => Status is OperationStatus.Succeeded or OperationStatus.Failed;

    /// <summary>The key of <see cref="ActiveOperation"/>: one running operation per kind and target.</summary>
    public string ActiveKey => ActiveOperation.KeyOf(Kind, Target);

    public static void Map(StoreOptions options)
    {
        options.Schema.For<Operation>().Index(o => o.Status);
        options.Schema.For<ActiveOperation>().Identity(a => a.Id);
        options.Schema.For<AuditEntry>().Identity(a => a.Id);
    }
}

/// <summary>
/// "An operation of this kind on this target is under way": inserted with the operation and deleted when it ends. Its
/// unique id refuses a second rebuild of the same projection (or rewind of the same subscription) meanwhile, even when
/// two requests race on two instances.
/// </summary>
public sealed record ActiveOperation(string Id, Guid OperationId)
{
    public static string KeyOf(OperationKind kind, string target) => $"{kind.ToString().ToLowerInvariant()}:{target.ToLowerInvariant()}";
}
