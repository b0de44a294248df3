using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Migration.Identity.Storage;
using Migration.Identity.Tokens;
using Migration.ServiceDefaults.Auth;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Migration.Identity.Login;

/// <summary>
/// <c>/connect/authorize</c> for the web application (authorization code with PKCE, checked by OpenIddict before this
/// runs): a staff member without a session is sent to the login page and comes back; with one, the code is issued for
/// the scopes asked that the member's roles allow. There is no consent screen: the web application is the program's own.
/// </summary>
public static class Authorizing
{
    public static async Task<IResult> Handle(HttpContext context, IdentityDatabase database)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(LoginCookie.Scheme);
        var account = session.Succeeded && session.Principal?.Identity?.Name is { } userName
            ? await database.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserName == userName, context.RequestAborted)
            : null;
        if (account is not { Active: true } || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
                return IssuingTokens.Forbid(Errors.LoginRequired, "The staff member is not logged in.");
            var parameters = context.Request.HasFormContentType ? [.. context.Request.Form] : context.Request.Query.ToList();
            var back = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters.Where(p => p.Key != Parameters.Prompt));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [LoginCookie.Scheme]);
        }

        var allowed = account.Roles.SelectMany(ApiScopes.ForRole).Concat([Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess]);
        return Results.SignIn(TokenIdentities.For(account.UserName, account.DisplayName, account.Roles, account.Oblast,
            TokenIdentities.Grant(request.GetScopes(), allowed), account.ApprovalLimitKzt), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
