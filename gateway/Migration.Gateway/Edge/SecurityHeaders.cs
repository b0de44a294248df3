using Migration.Gateway.ApiReference;
using Scalar.AspNetCore;

namespace Migration.Gateway.Edge;

/// <summary>
/// Headers that tell browsers to be strict with everything the gateway answers: no content sniffing, no framing, no
/// referrer leaving the site, and a content security policy. API answers are data and may load nothing; the API
/// reference page may run its own scripts (Scalar's bundle from the gateway, its inline start-up) and nothing foreign.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>The page's scripts are the gateway's own and the start-up script carrying this request's nonce; styles are injected by the page.</summary>
    public static string ApiReferencePolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'none'";

    /// <summary>
    /// The identity service's login page: its own inline styles, a form that posts to itself, and (after login) the
    /// redirect to the web application's callback. No scripts.
    /// </summary>
    public const string LoginPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// The web application (Blazor, interactive on the server): its own scripts and styles, MudBlazor's inline styles, its
    /// circuit's WebSocket to the same origin, forms that post to itself (logout), no framing. Nothing from elsewhere.
    /// </summary>
    public const string WebApplicationPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>Where the gateway serves the web application.</summary>
    public const string WebApplicationPath = "/app";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferenceMap.Path)
                ? ApiReferencePolicy(context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var nonce) ? nonce as string : null)
                : context.Request.Path.StartsWithSegments("/account") ? LoginPolicy
                : context.Request.Path.StartsWithSegments(WebApplicationPath) ? WebApplicationPolicy : ApiPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
