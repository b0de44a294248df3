using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Migration.EndToEnd.Tests.Identity;

/// <summary>
/// The program's OpenID Connect server through the gateway: discovery and keys, a staff member's login by authorization
/// code with PKCE and refresh, a deactivated account cut off, API clients registered by the admin with the scopes they
/// need and nothing more, secrets rotated, every change audited.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class IdentityProviderTests(ProgramFixture fixture)
{
    private static readonly string[] Caseworker = ["caseworker"];
    private static readonly string[] Senior = ["senior-finance-officer"];
    private static readonly string[] ApproveOnly = ["payments.approve"];
    private static readonly string[] RegistryRead = ["registry.read"];
    private static readonly string[] ScopeRefusals = ["invalid_scope", "invalid_request"];

    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task Discovery_names_the_gateway_as_issuer_and_publishes_only_asymmetric_keys()
    {
        using var anonymous = await _system.Client();
        var discovery = await anonymous.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var keys = await anonymous.GetFromJsonAsync<JsonElement>(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery);

        var issuer = discovery.GetProperty("issuer").GetString()!;
        Assert.Equal($"http://127.0.0.1:{new Uri(issuer).Port}/", issuer);
        Assert.StartsWith(issuer, discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Superset(new HashSet<string?> { "client_credentials", "authorization_code", "refresh_token" },
            discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToHashSet());
        Assert.NotEmpty(keys.GetProperty("keys").EnumerateArray());
        Assert.All(keys.GetProperty("keys").EnumerateArray(), k =>
        {
            Assert.Equal("RSA", k.GetProperty("kty").GetString());
            Assert.False(k.TryGetProperty("d", out _), "no private part");
            Assert.False(k.TryGetProperty("k", out _), "no symmetric key");
        });
    }

    [Fact]
    public async Task A_staff_member_logs_in_with_code_and_PKCE_gets_only_the_scopes_asked_and_is_cut_off_when_deactivated()
    {
        using var admin = await _system.Client("admin");
        var userName = $"aigerim-{Guid.NewGuid():N}"[..20];
        using var created = await admin.PostAsJsonAsync("/api/identity/accounts",
            new { userName, displayName = "Айгерим Сейтова", password = "correct horse battery", roles = Caseworker, oblast = "43" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var login = new WebLogin(_system.Gateway.Address);

        var (refused, refusedStatus) = await new WebLogin(_system.Gateway.Address).LogIn(userName, "wrong password!!", "openid cases.read");
        var (tokens, _) = await login.LogIn(userName, "correct horse battery", "openid profile offline_access cases.read");
        using var api = new HttpClient { BaseAddress = _system.Gateway.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens!.AccessToken);
        using var read = await api.GetAsync("/api/cases?limit=1");
        using var write = await api.PostAsJsonAsync("/api/cases", new { householdId = Guid.NewGuid() });
        using var refreshed = await login.Refresh(tokens.RefreshToken!);

        Assert.Null(refused);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedStatus);
        var access = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("RS256", access.Alg);
        Assert.Equal((userName, "caseworker", "43"), (access.Subject, access.GetClaim("role").Value, access.GetClaim("oblast").Value));
        Assert.NotNull(tokens.IdToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await write.AssertProblem(HttpStatusCode.Forbidden, "auth.scope-missing");   // the session asked for cases.read only
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        var account = await admin.GetAsync($"/api/identity/accounts/{userName}");
        using var deactivate = new HttpRequestMessage(HttpMethod.Put, $"/api/identity/accounts/{userName}")
        {
            Content = JsonContent.Create(new { roles = Caseworker, oblast = "43", active = false }),
        };
        deactivate.Headers.IfMatch.Add(account.Headers.ETag!);
        using var deactivated = await admin.SendAsync(deactivate);
        var latest = WebLogin.Read(await refreshed.Content.ReadFromJsonAsync<JsonElement>());
        using var afterDeactivation = await login.Refresh(latest.RefreshToken!);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/audit?subject=account/{userName}");

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, afterDeactivation.StatusCode);
        Assert.Equal("invalid_grant", (await afterDeactivation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(["changed", "created"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        Assert.All(audit.EnumerateArray(), a => Assert.DoesNotContain("correct horse", a.GetProperty("details").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_integrator_registered_by_the_admin_gets_its_scopes_only_and_a_rotated_secret_replaces_the_old()
    {
        using var admin = await _system.Client("admin");
        var clientId = $"stats-office-{Guid.NewGuid():N}"[..24];
        using var tooWide = await admin.PostAsJsonAsync("/api/identity/clients", new { clientId, role = "integrator", oblast = "*", scopes = ApproveOnly });
        using var created = await admin.PostAsJsonAsync("/api/identity/clients", new { clientId, displayName = "Bureau of National Statistics", role = "integrator", oblast = "*", scopes = RegistryRead });
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;

        using var token = await _system.Client();
        var first = await Token(token, clientId, secret, scope: null);
        using var beyond = await token.PostAsync("/connect/token", Form(clientId, secret, "registry.write"));
        using var api = new HttpClient { BaseAddress = _system.Gateway.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first);
        using var read = await api.GetAsync("/api/registry/settlements?limit=1");
        using var write = await api.PostAsJsonAsync("/api/registry/employers", new { bin = "990140000385", name = "ТОО Агро" });
        using var rotated = await admin.PostAsync($"/api/identity/clients/{clientId}/secret", null);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        using var oldSecret = await token.PostAsync("/connect/token", Form(clientId, secret, null));
        var second = await Token(token, clientId, newSecret, scope: "registry.read");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/audit?subject=client/{clientId}");

        await tooWide.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("registry.read", new JsonWebToken(first).GetClaim("scope").Value);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.Contains((await beyond.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), ScopeRefusals);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await write.AssertProblem(HttpStatusCode.Forbidden, "auth.scope-missing");
        Assert.Equal("invalid_client", (await oldSecret.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.NotEmpty(second);
        Assert.Equal(["secret-rotated", "created"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        Assert.All(audit.EnumerateArray(), a => Assert.DoesNotContain(newSecret, a.GetProperty("details").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_senior_finance_officers_approval_limit_travels_in_their_token()
    {
        using var admin = await _system.Client("admin");
        var userName = $"bolat-{Guid.NewGuid():N}"[..18];
        using var notApprover = await admin.PostAsJsonAsync("/api/identity/accounts",
            new { userName = userName + "x", displayName = "Болат", password = "correct horse battery", roles = Caseworker, oblast = "*", approvalLimitKzt = 1_000_000m });
        using var created = await admin.PostAsJsonAsync("/api/identity/accounts",
            new { userName, displayName = "Болат Ахметов", password = "correct horse battery", roles = Senior, oblast = "*", approvalLimitKzt = 2_500_000m });
        using var login = new WebLogin(_system.Gateway.Address);

        var (tokens, _) = await login.LogIn(userName, "correct horse battery", "openid payments.read payments.write payments.approve");

        var problem = await notApprover.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "approval-limit.not-approver");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var access = new JsonWebToken(tokens!.AccessToken);
        Assert.Equal("2500000", access.GetClaim("approval_limit").Value);
        Assert.Equal("openid payments.read payments.write payments.approve", access.GetClaim("scope").Value);
    }

    private static async Task<string> Token(HttpClient client, string clientId, string secret, string? scope)
    {
        using var response = await client.PostAsync("/connect/token", Form(clientId, secret, scope));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static FormUrlEncodedContent Form(string clientId, string secret, string? scope)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null) fields["scope"] = scope;
        return new FormUrlEncodedContent(fields);
    }
}
