namespace Migration.ServiceDefaults.Idempotency;

/// <summary>What happened when a request tried to take its key.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>The key is this request's: run it, then complete or release the key.</summary>
    public sealed record Taken : IdempotencyClaim;

    /// <summary>An earlier request with this key and the same body has answered: answer the same.</summary>
    public sealed record Answered(StoredResponse Response) : IdempotencyClaim;

    /// <summary>An earlier request with this key and the same body is still running.</summary>
    public sealed record StillRunning : IdempotencyClaim;

    /// <summary>The key was used for a request with another body.</summary>
    public sealed record ReusedWithAnotherBody : IdempotencyClaim;
}
