using Microsoft.EntityFrameworkCore;

namespace Migration.Identity.Storage;

/// <summary>
/// The identity service's own database: OpenIddict's applications (API clients and the web application),
/// authorizations and tokens (refresh tokens can be revoked), the staff accounts, the audit trail of every change to
/// accounts and clients, and the key material the tokens are signed and encrypted with (shared by every instance).
/// </summary>
public sealed class IdentityDatabase(DbContextOptions<IdentityDatabase> options) : DbContext(options)
{
    public DbSet<StaffAccount> Accounts => Set<StaffAccount>();

    public DbSet<AuditRecord> Audit => Set<AuditRecord>();

    public DbSet<KeyMaterial> Keys => Set<KeyMaterial>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<StaffAccount>(account =>
        {
            account.HasKey(a => a.UserName);
            account.Property(a => a.UserName).HasMaxLength(100);
            account.Property(a => a.DisplayName).HasMaxLength(200);
            account.Property(a => a.Oblast).HasMaxLength(2);
            account.Property(a => a.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<AuditRecord>(audit =>
        {
            audit.HasKey(a => a.Id);
            audit.HasIndex(a => a.At);
        });
        modelBuilder.Entity<KeyMaterial>().HasKey(k => k.Purpose);
    }
}

/// <summary>
/// A member of staff who logs in to the web application: roles, the oblast they work in (<c>*</c>: all), and whether
/// the account is active. The password is stored as an ASP.NET Core Identity hash (PBKDF2), never in clear.
/// </summary>
public sealed class StaffAccount
{
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public required List<string> Roles { get; set; }
    public required string Oblast { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>A senior finance officer's personal approval limit in KZT, carried in their tokens.</summary>
    public decimal? ApprovalLimitKzt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: updates carry the version they read (If-Match).</summary>
    public int Version { get; set; }
}

/// <summary>Who changed which account or client, when, and what it became (never a password or a secret).</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public required string Subject { get; set; }
    public required string Action { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Details { get; set; }
}

/// <summary>A signing or encryption key, created once and shared by every instance of the service.</summary>
public sealed class KeyMaterial
{
    public required string Purpose { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
