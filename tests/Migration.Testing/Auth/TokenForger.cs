using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Migration.ServiceDefaults.Auth;

namespace Migration.Testing.Auth;

/// <summary>
/// Makes tokens for services tested without an identity provider, and the tokens an attacker or a clock would make:
/// signed with another key, expired, for another audience or issuer. Services under test trust
/// <see cref="PublicKeyPem"/> (a key made for this test run) and the issuer <see cref="Issuer"/>; real tokens come
/// from the identity service through the gateway.
/// </summary>
public static class TokenForger
{
    public const string Issuer = "migration-tests";

    private static readonly RSA TestKey = RSA.Create(2048);

    /// <summary>The public half of this run's test key, for the services' <c>Auth:SigningKeys</c>.</summary>
    public static string PublicKeyPem { get; } = TestKey.ExportSubjectPublicKeyInfoPem();

    /// <param name="signedByAnotherKey">Sign with a key nobody trusts.</param>
    /// <param name="scopes">The scopes granted (default: every scope the role may have).</param>
    public static string Create(
        string role,
        string oblast = "*",
        bool signedByAnotherKey = false,
        DateTime? expires = null,
        string audience = "migration-api",
        string issuer = Issuer,
        string? subject = null,
        IEnumerable<string>? scopes = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        using var another = signedByAnotherKey ? RSA.Create(2048) : null;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimNames.Subject, subject ?? role), new Claim(ClaimNames.Role, role), new Claim(ClaimNames.Oblast, oblast),
                new Claim(ClaimNames.Scope, string.Join(' ', scopes ?? ApiScopes.ForRole(role))),
            ]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(another ?? TestKey), SecurityAlgorithms.RsaSha256),
        });
    }
}
