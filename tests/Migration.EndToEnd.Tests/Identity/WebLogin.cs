using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Migration.EndToEnd.Tests.Identity;

/// <summary>
/// What the web application and a browser do to log a staff member in through the gateway: authorization request with
/// a PKCE challenge, the login page (with its antiforgery field), back to the authorization endpoint, the code at the
/// redirect URI, and the code exchanged for tokens with the verifier.
/// </summary>
internal sealed partial class WebLogin(Uri gateway) : IDisposable
{
    public const string ClientId = "migration-web";
    public const string RedirectUri = "http://localhost:8080/app/authentication/login-callback";

    private readonly HttpClient _browser = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = gateway };

    public sealed record Tokens(string AccessToken, string? RefreshToken, string? IdToken);

    /// <summary>Logs in and returns the tokens; null with the login page's status when the login is refused.</summary>
    public async Task<(Tokens? Tokens, HttpStatusCode LoginStatus)> LogIn(string userName, string password, string scope)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/connect/authorize?client_id={ClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}" +
            $"&scope={Uri.EscapeDataString(scope)}&code_challenge={challenge}&code_challenge_method=S256&state=s-1";

        using var first = await _browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var loginPage = first.Headers.Location!;
        Assert.StartsWith("/account/login", loginPage.IsAbsoluteUri ? loginPage.PathAndQuery : loginPage.OriginalString, StringComparison.Ordinal);
        var page = await _browser.GetStringAsync(loginPage.IsAbsoluteUri ? loginPage.PathAndQuery : loginPage.OriginalString);
        using var posted = await _browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Field(page, "__RequestVerificationToken", out var antiforgeryName)] = antiforgeryName,
            ["returnUrl"] = WebUtility.HtmlDecode(HiddenValue(page, "returnUrl")),
            ["userName"] = userName,
            ["password"] = password,
        }));
        if (posted.StatusCode != HttpStatusCode.Redirect) return (null, posted.StatusCode);

        using var back = await _browser.GetAsync(posted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString(), StringComparison.Ordinal);
        var code = System.Web.HttpUtility.ParseQueryString(callback.Query)["code"]!;
        Assert.Equal("s-1", System.Web.HttpUtility.ParseQueryString(callback.Query)["state"]);

        using var exchanged = await _browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        }));
        Assert.True(exchanged.IsSuccessStatusCode, await exchanged.Content.ReadAsStringAsync());
        return (Read(await exchanged.Content.ReadFromJsonAsync<JsonElement>()), posted.StatusCode);
    }

    public async Task<HttpResponseMessage> Refresh(string refreshToken) =>
        await _browser.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["refresh_token"] = refreshToken,
        }));

    public static Tokens Read(JsonElement json) => new(
        json.GetProperty("access_token").GetString()!,
        json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
        json.TryGetProperty("id_token", out var id) ? id.GetString() : null);

    public void Dispose() => _browser.Dispose();

    /// <summary>The antiforgery field: its name (as the page gives it) and value.</summary>
    private static string Field(string page, string expectedName, out string value)
    {
        var match = AntiforgeryField().Match(page);
        Assert.True(match.Success, "the login page carries an antiforgery field");
        Assert.Equal(expectedName, match.Groups["name"].Value);
        value = WebUtility.HtmlDecode(match.Groups["value"].Value);
        return match.Groups["name"].Value;
    }

    private static string HiddenValue(string page, string name) =>
        Regex.Match(page, $"name=\"{name}\" value=\"(?<value>[^\"]*)\"").Groups["value"].Value;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex AntiforgeryField();
}
