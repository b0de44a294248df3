using Marten;

namespace Migration.SubsidyPayment;

/// <summary>
/// Serialises the consumers that rewrite the same view document. Two messages or requests about one case, person or tariff table
/// may be handled at the same moment; each reads the document, decides "newer or not" and
/// stores it whole, so without a lock the older could overwrite the newer. The consumer takes a transaction-scoped
/// advisory lock on the document's key before reading it; the lock is released when its transaction commits.
/// </summary>
public static class ViewLocks
{
    /// <summary>The first key of the two-key advisory locks of views (apart from Marten's).</summary>
    private const int LockSpace = 0x5657; // "VW"

    /// <summary>Opens the session's transaction and locks <paramref name="keys"/>, always in the same order (no deadlock).</summary>
    public static async Task LockViews(this IDocumentSession session, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        await session.LockMoreViews(keys, cancellationToken);
    }

    /// <summary>
    /// More locks in the transaction already open: only keys that sort after every key locked before, so that the order
    /// stays the same for everyone.
    /// </summary>
    public static async Task LockMoreViews(this IDocumentSession session, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?, hashtext(?))", cancellationToken, LockSpace, key);
    }

    public static Task LockView(this IDocumentSession session, string key, CancellationToken cancellationToken) =>
        session.LockViews([key], cancellationToken);
}
