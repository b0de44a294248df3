using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Migration.ServiceDefaults.Auth;

namespace Migration.Web.Login;

/// <summary>
/// The staff member's session: an encrypted cookie of this application, opened by the OpenID Connect authorization
/// code flow with PKCE against the identity service behind the gateway. The tokens travel in the cookie (so a restart
/// loses no session) and are kept server-side by <see cref="SessionTokens"/>, where the interactive circuit finds them.
/// </summary>
public static class WebLogin
{
    public const string CookieScheme = "web-session";
    public const string OidcScheme = "oidc";
    public const string CallbackPath = "/authentication/login-callback";
    public const string SignedOutCallbackPath = "/authentication/logout-callback";

    /// <summary>What the application asks for: an identity, a refresh token, and every API scope (the identity service grants those the roles allow).</summary>
    public static readonly IReadOnlyList<string> Scopes = ["openid", "profile", "offline_access", .. ApiScopes.All];

    public static WebApplicationBuilder AddWebLogin(this WebApplicationBuilder builder, WebSettings settings)
    {
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddHttpClient(SessionTokens.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieScheme;
                options.DefaultChallengeScheme = OidcScheme;
            })
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "migration-web";
                cookie.Cookie.Path = WebSettings.PathBase;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
                cookie.SlidingExpiration = false;
                cookie.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionTokens>().Validate(context);
            })
            .AddOpenIdConnect(OidcScheme, oidc =>
            {
                oidc.Authority = settings.Authority!.ToString();
                oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata ?? !builder.Environment.IsDevelopment();
                oidc.ClientId = settings.ClientId;
                oidc.ResponseType = "code";
                oidc.ResponseMode = "query";
                oidc.UsePkce = true;
                oidc.CallbackPath = CallbackPath;
                oidc.SignedOutCallbackPath = SignedOutCallbackPath;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = ClaimNames.Role;
                oidc.Scope.Clear();
                foreach (var scope in Scopes) oidc.Scope.Add(scope);
                // The whole flow stays on the gateway's origin: Lax cookies suffice, and plain HTTP works in development.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.Events.OnTokenValidated = context =>
                {
                    // The oblast and approval limit are in the access token only; the interface shows them.
                    if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity identity && context.TokenEndpointResponse?.AccessToken is { } access)
                    {
                        var token = new JsonWebToken(access);
                        foreach (var name in new[] { ClaimNames.Oblast, ClaimNames.ApprovalLimit })
                            if (token.TryGetClaim(name, out var claim)) identity.AddClaim(new(name, claim.Value));
                        identity.AddClaim(new(SessionTokens.SessionClaim, Guid.NewGuid().ToString("N")));
                    }

                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary><c>/login</c> starts the flow; <c>POST /logout</c> ends the session here and at the identity service.</summary>
    public static WebApplication MapWebLogin(this WebApplication app)
    {
        app.MapGet("/login", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [OidcScheme])).AllowAnonymous();
        app.MapPost("/logout", async (HttpContext context, SessionTokens tokens) =>
        {
            if (context.User.FindFirst(SessionTokens.SessionClaim)?.Value is { } session) tokens.Forget(session);
            await context.SignOutAsync(CookieScheme);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = context.Request.PathBase + "/" }, [OidcScheme]);
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    /// <summary>Only a path of this application (<c>cases/…</c>): a crafted return address cannot send the member elsewhere.</summary>
    public static string LocalOnly(string? returnUrl)
    {
        var path = (returnUrl ?? "").TrimStart('/');
        if (path.StartsWith(WebSettings.PathBase[1..] + "/", StringComparison.Ordinal)) path = path[WebSettings.PathBase.Length..];
        return path.IndexOfAny([':', '\\']) < 0 && !path.Contains("//", StringComparison.Ordinal) ? $"{WebSettings.PathBase}/{path}" : $"{WebSettings.PathBase}/";
    }
}
