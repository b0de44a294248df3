using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Migration.ServiceDefaults.Auth;

/// <summary>
/// Whose tokens a service trusts, bound from the <c>Auth</c> configuration section. Tokens are signed with asymmetric
/// keys by an OpenID Connect provider (the program's identity service, or an external one such as Keycloak, Entra ID
/// or a national eGov provider): the service reads the provider's keys from its metadata (<see cref="MetadataAddress"/>).
/// <see cref="SigningKeys"/> (public keys, PEM) serve a service that runs without a provider: an isolated test, or an
/// air-gapped installation. There is no shared secret.
/// </summary>
public sealed class TokenSettings
{
    public const string Section = "Auth";

    /// <summary>The program's own identity service, in Development when nothing else is configured.</summary>
    public const string DevelopmentIssuer = "http://localhost:8080/";
    public const string DevelopmentMetadataAddress = "http://127.0.0.1:8085/.well-known/openid-configuration";

    /// <summary>The issuer tokens must name (<c>iss</c>): the provider's public address.</summary>
    public string? Issuer { get; set; }

    /// <summary>More issuers to accept, e.g. while moving from one provider to another.</summary>
    public List<string> AdditionalIssuers { get; set; } = [];

    public string Audience { get; set; } = "migration-api";

    /// <summary>The provider's OpenID Connect discovery document, from which its signing keys are read (and refreshed).</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Whether the metadata must be fetched over HTTPS (true outside Development unless configured).</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Public keys (PEM) trusted besides the provider's.</summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>Claim names of an external provider, when they differ from the program's (<c>role</c>, <c>oblast</c>, <c>scope</c>).</summary>
    public string RoleClaim { get; set; } = ClaimNames.Role;
    public string OblastClaim { get; set; } = ClaimNames.Oblast;
    public string ScopeClaim { get; set; } = ClaimNames.Scope;

    public IEnumerable<SecurityKey> CreateSigningKeys() => SigningKeys.Select(pem =>
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return (SecurityKey)new RsaSecurityKey(rsa);
    });

    public static TokenSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(Section).Get<TokenSettings>() ?? new TokenSettings();
        if (environment.IsDevelopment())
        {
            settings.Issuer ??= DevelopmentIssuer;
            if (settings.SigningKeys.Count == 0) settings.MetadataAddress ??= DevelopmentMetadataAddress;
            settings.RequireHttpsMetadata ??= false;
        }

        if (string.IsNullOrWhiteSpace(settings.Issuer))
            throw new InvalidOperationException("Auth:Issuer must name the identity provider whose tokens the service accepts.");
        if (string.IsNullOrWhiteSpace(settings.MetadataAddress) && settings.SigningKeys.Count == 0)
            throw new InvalidOperationException("Auth:MetadataAddress (the provider's discovery document) or Auth:SigningKeys must be configured.");
        return settings;
    }
}
