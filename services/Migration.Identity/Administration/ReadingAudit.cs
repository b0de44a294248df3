using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Migration.Identity.Storage;

namespace Migration.Identity.Administration;

/// <summary>The audit trail of accounts and clients, newest first, optionally of one subject (<c>account/…</c>, <c>client/…</c>).</summary>
public static class ReadingAudit
{
    public static async Task<Ok<IReadOnlyList<AuditRecord>>> Handle(string? subject, IdentityDatabase database, CancellationToken cancellationToken)
    {
        var query = database.Audit.AsNoTracking();
        if (subject is not null) query = query.Where(a => a.Subject == subject);
        return TypedResults.Ok<IReadOnlyList<AuditRecord>>(await query.OrderByDescending(a => a.Id).Take(500).ToListAsync(cancellationToken));
    }
}
