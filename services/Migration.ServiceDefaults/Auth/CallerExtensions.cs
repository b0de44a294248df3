using System.Security.Claims;
using Migration.Identifiers;

namespace Migration.ServiceDefaults.Auth;

public static class CallerExtensions
{
    /// <summary>Who the caller is: the user's subject, or the client id for client-credentials tokens.</summary>
    public static string CallerId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimNames.Subject) ?? user.FindFirstValue(ClaimNames.ClientId) ?? "anonymous";

    /// <summary>Whether the caller's oblast scope covers <paramref name="oblast"/>.</summary>
    /// <summary>The caller's approval limit carried by the token (null when the provider sets none).</summary>
    public static decimal? ApprovalLimit(this ClaimsPrincipal user) =>
        decimal.TryParse(user.FindFirstValue(ClaimNames.ApprovalLimit), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var limit)
            ? limit
            : null;

    public static bool CoversOblast(this ClaimsPrincipal user, string oblast)
    {
        var scope = user.FindFirstValue(ClaimNames.Oblast);
        return scope == Oblasts.All || string.Equals(scope, oblast, StringComparison.Ordinal);
    }
}
