using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Migration.ServiceDefaults.Auth;

/// <summary>How tokens are signed and validated: bound from the <c>Auth</c> configuration section.</summary>
public sealed class TokenSettings
{
    public const string Section = "Auth";

    /// <summary>The key used only in the Development environment when none is configured.</summary>
    public const string DevelopmentSigningKey = "migration-development-signing-key-not-for-production-use-0001";

    public string Issuer { get; set; } = "migration";
    public string Audience { get; set; } = "migration-api";
    public string? SigningKey { get; set; }
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public SymmetricSecurityKey CreateSigningKey() =>
        new(Encoding.UTF8.GetBytes(SigningKey ?? throw new InvalidOperationException("Auth:SigningKey is not configured.")));

    public static TokenSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(Section).Get<TokenSettings>() ?? new TokenSettings();
        if (string.IsNullOrWhiteSpace(settings.SigningKey) && environment.IsDevelopment())
            settings.SigningKey = DevelopmentSigningKey;
        if (string.IsNullOrWhiteSpace(settings.SigningKey) || settings.SigningKey.Length < 32)
            throw new InvalidOperationException("Auth:SigningKey must be configured with at least 32 characters outside Development.");
        return settings;
    }
}
