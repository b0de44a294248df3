using Marten;

namespace Migration.ServiceDefaults.Operations;

/// <summary>Writes and reads the audit of operator actions in the service's own database.</summary>
public sealed class OperationsAudit(IDocumentStore store, TimeProvider clock)
{
    /// <summary>An entry to store with other changes of <paramref name="session"/>, in the same transaction.</summary>
    public AuditEntry Record(
        IDocumentSession session, string caller, string action, string target, string outcome, string? detail,
        Guid? operationId = null, string? correlationId = null)
    {
        var now = clock.GetUtcNow();
        var entry = new AuditEntry(Guid.CreateVersion7(now).ToString("N"), now, caller, action, target, outcome, detail, operationId, correlationId);
        session.Insert(entry);
        return entry;
    }

    /// <summary>Stores one entry on its own.</summary>
    public async Task Write(
        string caller, string action, string target, string outcome, string? detail, Guid? operationId, string? correlationId,
        CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        Record(session, caller, action, target, outcome, detail, operationId, correlationId);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="take"/> entries, newest first, older than the entry <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<AuditEntry>> Page(string? before, int take, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var query = session.Query<AuditEntry>().AsQueryable();
        if (before is not null) query = query.Where(e => e.Id.CompareTo(before) < 0);
        return await query.OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
    }
}
