namespace Migration.Identity.Seeding;

/// <summary>The identity service's configuration (section <c>Identity</c>).</summary>
public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>Seed the demo clients (client id = role, secret <see cref="DemoSecret"/>) and one demo user per role.</summary>
    public bool SeedDemo { get; set; }

    public const string DemoSecret = "dev-secret";
    public const string DemoPassword = "dev-password";

    /// <summary>
    /// The first administrator of an installation without demo accounts (from a Secret in production): created at start
    /// when no active administrator exists, never changed afterwards. The administrator then creates the staff's
    /// accounts and should change this password (<c>PUT /api/identity/accounts/{userName}/password</c>).
    /// </summary>
    public BootstrapAdministrator? BootstrapAdmin { get; set; }

    /// <summary>More API clients to seed, e.g. a caseworker limited to one oblast.</summary>
    public List<SeededClient> Clients { get; set; } = [];

    /// <summary>Where the web application may receive its authorization codes.</summary>
    public List<string> WebRedirectUris { get; set; } = ["http://localhost:8080/app/authentication/login-callback"];

    /// <summary>Where the web application may be sent back after a logout.</summary>
    public List<string> WebPostLogoutRedirectUris { get; set; } = ["http://localhost:8080/app/authentication/logout-callback"];

    /// <summary>Accept plain HTTP (development, or TLS ended before the service). True in Development.</summary>
    public bool? AllowHttp { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A working day: a staff member logs in again the next morning.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);
}

public sealed record SeededClient(string ClientId, string Secret, string Role, string Oblast = "*");

public sealed class BootstrapAdministrator
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string DisplayName { get; set; } = "Administrator";
}
