using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Migration.Identity.Administration;
using Migration.Identity.Storage;
using Migration.ServiceDefaults.Auth;
using OpenIddict.Abstractions;

namespace Migration.Identity.Seeding;

/// <summary>
/// At start: the web application's client (always), and in a demo or development installation the demo clients (one per
/// role, the foundation's ids and secret), the configured extra clients and one demo user per role; in any installation
/// the configured first administrator when there is none (<see cref="FirstAdministrator"/>). Only what is
/// missing is added, so a restart or a second instance changes nothing.
/// </summary>
public sealed class Seeding(IServiceProvider services, IOptions<IdentitySettings> options, TimeProvider clock, ILogger<Seeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var database = scope.ServiceProvider.GetRequiredService<IdentityDatabase>();
        var settings = options.Value;

        await EnsureWebApplication(applications, WebApplicationClient.Descriptor(settings.WebRedirectUris, settings.WebPostLogoutRedirectUris), cancellationToken);
        var clients = settings.SeedDemo
            ? Roles.All.Select(role => new SeededClient(role, IdentitySettings.DemoSecret, role)).Concat(settings.Clients)
            : settings.Clients;
        foreach (var client in clients)
            await Ensure(applications, client.ClientId,
                () => ManagingClients.Descriptor(client.ClientId, client.Secret, client.ClientId, client.Role, client.Oblast, ApiScopes.ForRole(client.Role)), cancellationToken);
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffAccount>>();
        if (settings.SeedDemo) await SeedDemoUsers(database, hasher, cancellationToken);
        if (settings.BootstrapAdmin is { } first) await FirstAdministrator.Ensure(database, hasher, first, clock.GetUtcNow(), logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task Ensure(IOpenIddictApplicationManager applications, string clientId, Func<OpenIddictApplicationDescriptor> descriptor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null) return;
        try
        {
            await applications.CreateAsync(descriptor(), cancellationToken);
            logger.LogInformation("Client {ClientId} seeded", clientId);
        }
        catch (Exception e) when (e is DbUpdateException or OpenIddictExceptions.ConcurrencyException)
        {
            logger.LogInformation("Client {ClientId} was seeded by another instance", clientId);
        }
    }

    /// <summary>The web application's client follows the configuration: its addresses change with the installation.</summary>
    private async Task EnsureWebApplication(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(WebApplicationClient.ClientId, cancellationToken) is not { } existing)
        {
            await Ensure(applications, WebApplicationClient.ClientId, () => descriptor, cancellationToken);
            return;
        }

        try
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or OpenIddictExceptions.ConcurrencyException)
        {
            logger.LogInformation("Client {ClientId} was updated by another instance", WebApplicationClient.ClientId);
        }
    }

    private async Task SeedDemoUsers(IdentityDatabase database, IPasswordHasher<StaffAccount> hasher, CancellationToken cancellationToken)
    {
        var existing = await database.Accounts.Select(a => a.UserName).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var role in Roles.All.Except(existing))
        {
            var account = new StaffAccount { UserName = role, DisplayName = $"Demo {role}", PasswordHash = "", Roles = [role], Oblast = "*", CreatedAt = now, UpdatedAt = now, Version = 1 };
            account.PasswordHash = hasher.HashPassword(account, IdentitySettings.DemoPassword);
            database.Accounts.Add(account);
        }

        try
        {
            await database.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            logger.LogInformation("Demo users were seeded by another instance");
        }
    }
}
