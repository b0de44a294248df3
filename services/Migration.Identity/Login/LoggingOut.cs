using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Migration.Identity.Login;

/// <summary>
/// <c>/connect/logout</c>, the end-session endpoint: the web application sends the staff member here when they log out;
/// their session at the identity service ends too, so the next login asks for the password again. OpenIddict checks the
/// return address against the client's registered ones before this runs.
/// </summary>
public static class LoggingOut
{
    public static async Task<IResult> Handle(HttpContext context)
    {
        await context.SignOutAsync(LoginCookie.Scheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = LoginCookie.LoginPath }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
