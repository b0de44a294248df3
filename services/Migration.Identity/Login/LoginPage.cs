using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Migration.Identity.Storage;

namespace Migration.Identity.Login;

/// <summary>
/// The staff login page: user name and password, checked against the stored hash; protected against cross-site posts
/// (antiforgery) and open redirects (only back to this service's authorization endpoint). A wrong user name and a wrong
/// password read the same, so the page does not tell which accounts exist.
/// </summary>
public static class LoginPage
{
    public static IResult Show(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Page(context, antiforgery, returnUrl, error: null, StatusCodes.Status200OK);

    public static async Task<IResult> LogIn(HttpContext context, IAntiforgery antiforgery, IdentityDatabase database, IPasswordHasher<StaffAccount> hasher)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var userName = form["userName"].ToString().Trim();
        var returnUrl = form["returnUrl"].ToString();
        var account = userName.Length == 0 ? null : await database.Accounts.SingleOrDefaultAsync(a => a.UserName == userName, context.RequestAborted);
        var verified = account is { Active: true } && hasher.VerifyHashedPassword(account, account.PasswordHash, form["password"].ToString()) != PasswordVerificationResult.Failed;
        if (!verified) return Page(context, antiforgery, returnUrl, "The user name or the password is not right, or the account is not active.", StatusCodes.Status401Unauthorized);

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, account!.UserName)], LoginCookie.Scheme);
        await context.SignInAsync(LoginCookie.Scheme, new ClaimsPrincipal(identity));
        return Results.Redirect(SafeReturn(returnUrl));
    }

    public static async Task<IResult> LogOut(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
        await context.SignOutAsync(LoginCookie.Scheme);
        return Results.Redirect(LoginCookie.LoginPath);
    }

    /// <summary>Only back to the authorization endpoint: a crafted return address cannot send the member elsewhere.</summary>
    private static string SafeReturn(string returnUrl) =>
        returnUrl.StartsWith("/connect/authorize?", StringComparison.Ordinal) && !returnUrl.Contains("//", StringComparison.Ordinal) ? returnUrl : LoginCookie.LoginPath;

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var body = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Migration: log in</title>
            <style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}label{display:block;margin-top:1rem}
            input{width:100%;padding:.5rem;font-size:1rem}button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}.error{color:#b00020}</style></head>
            <body><main><h1>Migration</h1><p>State Program of Rural Territories Development: staff login.</p>
            {{(error is null ? "" : $"<p class=\"error\" role=\"alert\">{html.Encode(error)}</p>")}}
            <form method="post" action="{{LoginCookie.LoginPath}}">
            <input type="hidden" name="{{tokens.FormFieldName}}" value="{{html.Encode(tokens.RequestToken ?? "")}}">
            <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl ?? "")}}">
            <label for="userName">User name</label><input id="userName" name="userName" autocomplete="username" required autofocus>
            <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Log in</button></form></main></body></html>
            """;
        return Results.Content(body, "text/html; charset=utf-8", statusCode: status);
    }
}
