using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Migration.Identity.Administration;
using Migration.Identity.Storage;
using Migration.ServiceDefaults.Auth;

namespace Migration.Identity.Seeding;

/// <summary>
/// The first administrator of an installation, from <see cref="IdentitySettings.BootstrapAdmin"/>: created once, when no
/// active administrator exists, and audited; a configuration that breaks the password rules stops the service.
/// </summary>
internal static class FirstAdministrator
{
    public const string By = "installation";

    public static async Task Ensure(IdentityDatabase database, IPasswordHasher<StaffAccount> hasher, BootstrapAdministrator first, DateTimeOffset now, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(first.UserName) || (first.Password?.Length ?? 0) < ManagingAccounts.MinPasswordLength)
            throw new InvalidOperationException(
                $"Identity:BootstrapAdmin needs a UserName and a Password of at least {ManagingAccounts.MinPasswordLength} characters.");

        var administrators = await database.Accounts.Where(a => a.Active).Select(a => a.Roles).ToListAsync(cancellationToken);
        if (administrators.Any(roles => roles.Contains(Roles.Admin)))
        {
            logger.LogInformation("An administrator exists: the bootstrap administrator is not created");
            return;
        }

        var account = new StaffAccount
        {
            UserName = first.UserName, DisplayName = first.DisplayName, PasswordHash = "", Roles = [Roles.Admin], Oblast = "*",
            CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        account.PasswordHash = hasher.HashPassword(account, first.Password!);
        database.Accounts.Add(account);
        IdentityAudit.Record(database, account.UserName, "account.bootstrapped", By, now, new { account.UserName, account.Roles });
        try
        {
            await database.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Bootstrap administrator {UserName} created: change its password", account.UserName);
        }
        catch (DbUpdateException)
        {
            logger.LogInformation("The bootstrap administrator was created by another instance");
        }
    }
}
