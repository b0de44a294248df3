using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Migration.Web.Login;

/// <summary>The tokens of one staff session: the access token for the gateway, the refresh token, and when the access token expires.</summary>
public sealed record TokenSet(string AccessToken, string? RefreshToken, DateTimeOffset ExpiresAt)
{
    public static TokenSet? From(AuthenticationProperties properties) =>
        properties.GetTokenValue("access_token") is { } access
            ? new TokenSet(access, properties.GetTokenValue("refresh_token"),
                DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : DateTimeOffset.MinValue)
            : null;

    public void WriteTo(AuthenticationProperties properties)
    {
        properties.UpdateTokenValue("access_token", AccessToken);
        if (RefreshToken is not null) properties.UpdateTokenValue("refresh_token", RefreshToken);
        properties.UpdateTokenValue("expires_at", ExpiresAt.ToString("o", CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The tokens of every open session, by the session's id (a claim of the cookie). An interactive circuit has no HTTP
/// response to renew a cookie with, so it reads and refreshes tokens here; every page load compares the cookie with what
/// is kept here, and the newer wins on both sides. After a restart the cookie brings its tokens back.
/// </summary>
public sealed class SessionTokens(IHttpClientFactory clients, IOptionsMonitor<OpenIdConnectOptions> oidc, WebSettings settings, TimeProvider clock, ILogger<SessionTokens> logger)
{
    public const string SessionClaim = "web_session";
    public const string HttpClientName = "token-refresh";

    /// <summary>Refresh this long before the access token expires.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, TokenSet> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _refreshing = new(StringComparer.Ordinal);

    /// <summary>The cookie's check on every request: a session without tokens, or whose refresh fails, ends.</summary>
    public async Task Validate(CookieValidatePrincipalContext context)
    {
        var session = context.Principal?.FindFirst(SessionClaim)?.Value;
        var fromCookie = TokenSet.From(context.Properties);
        if (session is null || fromCookie is null)
        {
            context.RejectPrincipal();
            return;
        }

        var kept = _sessions.AddOrUpdate(session, fromCookie, (_, known) => known.ExpiresAt >= fromCookie.ExpiresAt ? known : fromCookie);
        var current = await Fresh(session, kept, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(WebLogin.CookieScheme);
            return;
        }

        if (current != fromCookie)
        {
            current.WriteTo(context.Properties);
            context.ShouldRenew = true;
        }
    }

    /// <summary>A valid access token of the session, refreshed when it is about to expire; null when the session is unknown or over.</summary>
    public async Task<string?> AccessToken(string session, CancellationToken cancellationToken) =>
        _sessions.TryGetValue(session, out var kept) ? (await Fresh(session, kept, cancellationToken))?.AccessToken : null;

    public void Forget(string session)
    {
        _sessions.TryRemove(session, out _);
        _refreshing.TryRemove(session, out _);
    }

    private async Task<TokenSet?> Fresh(string session, TokenSet kept, CancellationToken cancellationToken)
    {
        if (kept.ExpiresAt - clock.GetUtcNow() > Margin) return kept;
        var gate = _refreshing.GetOrAdd(session, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_sessions.TryGetValue(session, out var now) && now.ExpiresAt - clock.GetUtcNow() > Margin) return now;
            var refreshed = kept.RefreshToken is null ? null : await Refresh(kept.RefreshToken, cancellationToken);
            if (refreshed is null)
            {
                Forget(session);
                return null;
            }

            _sessions[session] = refreshed;
            return refreshed;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<TokenSet?> Refresh(string refreshToken, CancellationToken cancellationToken)
    {
        var options = oidc.Get(WebLogin.OidcScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var request = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = settings.ClientId,
            ["refresh_token"] = refreshToken,
        });
        using var response = await clients.CreateClient(HttpClientName).PostAsync(new Uri(configuration.TokenEndpoint), request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogInformation("The refresh of a session's token was refused ({Status}): the member logs in again", (int)response.StatusCode);
            return null;
        }

        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var root = answer.RootElement;
        return new TokenSet(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var next) ? next.GetString() : refreshToken,
            clock.GetUtcNow().AddSeconds(root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300));
    }
}
