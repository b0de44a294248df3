using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Migration.ServiceDefaults.Auth;

namespace Migration.Testing.Auth;

/// <summary>Makes tokens the way an attacker or a clock would: signed with another key, expired, or for another audience.</summary>
public static class TokenForger
{
    public static string Create(
        string role,
        string oblast = "*",
        string? signingKey = null,
        DateTime? expires = null,
        string audience = "migration-api",
        string issuer = "migration",
        string? subject = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            Subject = new ClaimsIdentity([new Claim(ClaimNames.Subject, subject ?? role), new Claim(ClaimNames.Role, role), new Claim(ClaimNames.Oblast, oblast)]),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey ?? TokenSettings.DevelopmentSigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
