using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Migration.Identity.Storage;
using Migration.ServiceDefaults.Auth;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Migration.Identity.Tokens;

/// <summary>
/// <c>POST /connect/token</c>, after OpenIddict has validated the request (client, secret, grant, PKCE, scopes):
/// client credentials give the client's own identity (its role and oblast are properties of the application);
/// authorization codes and refresh tokens give the staff member's identity as it is now: an account deactivated or
/// changed since the login gets no new token with old rights.
/// </summary>
public static class IssuingTokens
{
    public const string RoleProperty = "role";
    public const string OblastProperty = "oblast";

    public static async Task<IResult> Handle(HttpContext context, IOpenIddictApplicationManager applications, IdentityDatabase database)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
                ?? throw new InvalidOperationException("OpenIddict validated a client that does not exist.");
            var properties = await applications.GetPropertiesAsync(application, context.RequestAborted);
            var role = Text(properties, RoleProperty) ?? Roles.Integrator;
            var allowed = (await applications.GetPermissionsAsync(application, context.RequestAborted))
                .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..]);
            var name = await applications.GetDisplayNameAsync(application, context.RequestAborted) ?? request.ClientId!;
            return Results.SignIn(TokenIdentities.For(request.ClientId!, name, [role], Text(properties, OblastProperty) ?? "*",
                TokenIdentities.Grant(request.GetScopes(), allowed)), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var earlier = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            var userName = earlier?.GetClaim(Claims.Subject);
            var account = userName is null ? null : await database.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserName == userName, context.RequestAborted);
            if (account is not { Active: true }) return Forbid(Errors.InvalidGrant, "The account is no longer active.");
            var allowed = account.Roles.SelectMany(ApiScopes.ForRole).Concat([Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess]);
            return Results.SignIn(TokenIdentities.For(account.UserName, account.DisplayName, account.Roles, account.Oblast,
                TokenIdentities.Grant(earlier!.GetScopes(), allowed), account.ApprovalLimitKzt), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    /// <summary>An OpenID Connect error answered by OpenIddict in the protocol's format.</summary>
    internal static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static string? Text(System.Collections.Immutable.ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
