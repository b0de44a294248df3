using Marten;

namespace Migration.ServiceDefaults.Idempotency;

/// <summary>
/// "Caller <see cref="Caller"/> sent <see cref="Method"/> <see cref="Path"/> with key <see cref="Key"/>": stored in the
/// service's own database before the request runs, so its unique id lets only one of two racing requests execute, and
/// completed with the <see cref="Response"/> that later repeats are answered with until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record IdempotencyRecord(
    string Id,
    string Caller,
    string Method,
    string Path,
    string Key,
    string BodyHash,
    DateTimeOffset ExpiresAt,
    StoredResponse? Response = null)
{
    /// <summary>Whether the first request is still running (or died before it answered, until the lease expires).</summary>
    public bool InProgress => Response is null;

    /// <summary>The record's document mapping; the event store of every service applies it.</summary>
    public static void Map(StoreOptions options) =>
        options.Schema.For<IdempotencyRecord>().Identity(r => r.Id).Index(r => r.ExpiresAt);
}

/// <summary>What the first request answered, enough to answer a repeat the same way.</summary>
public sealed record StoredResponse(int Status, string? ContentType, string? Location, string? ETag, byte[] Body);
