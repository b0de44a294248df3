using System.Text.Json;
using Migration.Identity.Storage;

namespace Migration.Identity.Administration;

/// <summary>Every change to an account or a client is recorded with who made it and what it became (never a secret).</summary>
public static class IdentityAudit
{
    public static void Record(IdentityDatabase database, string subject, string action, string by, DateTimeOffset at, object details) =>
        database.Audit.Add(new AuditRecord { Subject = subject, Action = action, By = by, At = at, Details = JsonSerializer.Serialize(details) });
}
