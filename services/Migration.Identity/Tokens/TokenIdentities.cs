using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using Migration.ServiceDefaults.Auth;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Migration.Identity.Tokens;

/// <summary>
/// The identity a token is issued for, the same for API clients and staff: subject, name, roles, the oblast they work
/// in, the granted scopes, and the audience (the program's API). Everything goes into the access token; the name and
/// roles also into the identity token of a web session.
/// </summary>
public static class TokenIdentities
{
    public const string Audience = "migration-api";

    public static ClaimsPrincipal For(string subject, string name, IEnumerable<string> roles, string oblast, IEnumerable<string> scopes, decimal? approvalLimit = null)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaims(Claims.Role, [.. roles])
            .SetClaim(ClaimNames.Oblast, oblast);
        if (approvalLimit is { } limit) identity.SetClaim(ClaimNames.ApprovalLimit, limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        identity.SetScopes(scopes);
        identity.SetResources(Audience);
        identity.SetDestinations(claim => claim.Type is Claims.Name or Claims.Role
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>What may be granted: the requested scopes the caller is allowed, or all it is allowed when none were asked.</summary>
    public static IReadOnlyList<string> Grant(IReadOnlyCollection<string> requested, IEnumerable<string> allowed)
    {
        var permitted = allowed.ToHashSet(StringComparer.Ordinal);
        return requested.Count == 0 ? [.. permitted] : [.. requested.Where(permitted.Contains)];
    }
}
