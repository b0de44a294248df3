using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Migration.Identity.Administration;
using Migration.Identity.Login;
using Migration.Identity.Seeding;
using Migration.Identity.Storage;
using Migration.Identity.Tokens;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.EventStore;
using Migration.ServiceDefaults.Health;

namespace Migration.Identity;

/// <summary>Marker for the identity service (tests start it by this type).</summary>
public sealed class IdentityService
{
    public const string Name = "identity";
}

/// <summary>
/// The program's OpenID Connect server on OpenIddict: client credentials for API clients, authorization code with PKCE
/// and refresh tokens for the web application, discovery and JWKS; access tokens are JWTs signed with the service's RSA
/// key (not encrypted: the services validate them from the published keys). Its issuer is the gateway's public address.
/// </summary>
public static class IdentityServer
{
    public static WebApplicationBuilder AddIdentityServer(this WebApplicationBuilder builder, string connectionString, KeyRing keys)
    {
        var options = builder.Configuration.GetSection(IdentitySettings.Section).Get<IdentitySettings>() ?? new IdentitySettings();
        var issuer = TokenSettings.From(builder.Configuration, builder.Environment).Issuer!;
        builder.Services.Configure<IdentitySettings>(builder.Configuration.GetSection(IdentitySettings.Section));
        builder.Services.AddDbContext<IdentityDatabase>(db => db.UseNpgsql(connectionString).UseOpenIddict());
        builder.Services.AddHealthChecks().AddTypeActivatedCheck<PostgresHealthCheck>("postgresql", failureStatus: null, tags: [HealthExtensions.Ready], args: connectionString);
        builder.Services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        builder.Services.AddAntiforgery();
        builder.Services.AddAuthentication().AddCookie(LoginCookie.Scheme, cookie =>
        {
            cookie.LoginPath = LoginCookie.LoginPath;
            cookie.Cookie.Name = "migration-login";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDatabase>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(issuer))
                    .SetTokenEndpointUris("connect/token")
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetEndSessionEndpointUris("connect/logout")
                    .AllowClientCredentialsFlow()
                    .AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    .RegisterScopes([OpenIddict.Abstractions.OpenIddictConstants.Scopes.Profile, OpenIddict.Abstractions.OpenIddictConstants.Scopes.OfflineAccess, .. ApiScopes.All])
                    .AddSigningKey(keys.Signing)
                    .AddEncryptionKey(keys.Encryption)
                    .DisableAccessTokenEncryption();
                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (options.AllowHttp ?? builder.Environment.IsDevelopment()) aspNetCore.DisableTransportSecurityRequirement();
            });
        builder.Services.AddHostedService<Seeding.Seeding>();
        return builder;
    }

    public static WebApplication MapIdentity(this WebApplication app)
    {
        app.MapPost("/connect/token", IssuingTokens.Handle).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/authorize", ["GET", "POST"], Authorizing.Handle).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/logout", ["GET", "POST"], (Delegate)LoggingOut.Handle).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        app.MapGet(LoginCookie.LoginPath, LoginPage.Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(LoginCookie.LoginPath, LoginPage.LogIn).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        app.MapPost("/account/logout", LoginPage.LogOut).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();

        var api = app.MapGroup("/api/identity");
        var accounts = api.MapGroup("/accounts").WithTags("Staff accounts");
        accounts.MapGet("/", ManagingAccounts.List).RequireRoles(Roles.Admin, Roles.Auditor).WithName("ListAccounts").WithSummary("Staff accounts with their roles and oblast");
        accounts.MapPost("/", ManagingAccounts.Create).RequireRoles(Roles.Admin).WithName("CreateAccount").WithSummary("Create a staff account (audited)");
        accounts.MapGet("/{userName}", ManagingAccounts.Get).RequireRoles(Roles.Admin, Roles.Auditor).WithName("GetAccount").WithSummary("One account (ETag: its version)");
        accounts.MapPut("/{userName}", ManagingAccounts.Change).RequireRoles(Roles.Admin).WithName("ChangeAccount")
            .WithSummary("Change roles, oblast, name or deactivate (If-Match; audited)");
        accounts.MapPost("/{userName}/password", ManagingAccounts.SetPassword).RequireRoles(Roles.Admin).WithName("SetAccountPassword")
            .WithSummary("Set a new password (If-Match; audited, the password never)");
        var clients = api.MapGroup("/clients").WithTags("API clients");
        clients.MapGet("/", ManagingClients.List).RequireRoles(Roles.Admin, Roles.Auditor).WithName("ListClients").WithSummary("API clients with their role, oblast and scopes");
        clients.MapPost("/", ManagingClients.Create).RequireRoles(Roles.Admin).WithName("CreateClient")
            .WithSummary("Register an API client; its secret is in the answer, once");
        clients.MapPost("/{clientId}/secret", ManagingClients.RotateSecret).RequireRoles(Roles.Admin).WithName("RotateClientSecret")
            .WithSummary("Issue a new secret (the old one stops working); shown once");
        clients.MapDelete("/{clientId}", ManagingClients.Delete).RequireRoles(Roles.Admin).WithName("DeleteClient").WithSummary("Remove an API client");
        api.MapGet("/audit", ReadingAudit.Handle).RequireRoles(Roles.Admin, Roles.Auditor).WithTags("Audit").WithName("IdentityAudit")
            .WithSummary("Every change to accounts and clients: who, when, what it became");
        return app;
    }
}
