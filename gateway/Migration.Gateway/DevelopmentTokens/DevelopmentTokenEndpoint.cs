using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Migration.ServiceDefaults.Auth;

namespace Migration.Gateway.DevelopmentTokens;

/// <summary>
/// OAuth 2.0 client credentials (RFC 6749 §4.4) for Development only: the demo clients get signed JWTs carrying
/// their role and oblast. Outside Development the endpoint does not exist.
/// </summary>
public static class DevelopmentTokenEndpoint
{
    public sealed record TokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    public sealed record TokenError(
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
        [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string Description);

    public static WebApplicationBuilder AddDevelopmentTokens(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection("DevelopmentTokens:Clients").Get<List<DemoClient>>() ?? [];
        builder.Services.AddSingleton<IReadOnlyDictionary<string, DemoClient>>(
            DemoClient.PerRole().Concat(configured).ToDictionary(c => c.ClientId, StringComparer.Ordinal));
        return builder;
    }

    public static WebApplication MapDevelopmentTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;
        app.MapPost("/connect/token", Issue)
            .DisableAntiforgery()
            .AllowAnonymous()
            .WithTags("Tokens")
            .WithSummary("Development only: client-credentials tokens for the demo clients");
        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, BadRequest<TokenError>, UnauthorizedHttpResult, JsonHttpResult<TokenError>>> Issue(
        HttpRequest request, IReadOnlyDictionary<string, DemoClient> clients, TokenSettings settings, TimeProvider clock)
    {
        if (!request.HasFormContentType)
            return TypedResults.BadRequest(new TokenError("invalid_request", "The token request must be form-encoded (application/x-www-form-urlencoded)."));
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
            return TypedResults.BadRequest(new TokenError("unsupported_grant_type", "Only grant_type=client_credentials is offered here."));

        var (clientId, secret) = Credentials(request, form);
        if (clientId is null || !clients.TryGetValue(clientId, out var client) || !SecretMatches(client.Secret, secret))
            return TypedResults.Json(new TokenError("invalid_client", "Unknown client or wrong secret."), statusCode: StatusCodes.Status401Unauthorized);

        var now = clock.GetUtcNow();
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + settings.TokenLifetime).UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(ClaimNames.Subject, client.ClientId),
                new Claim(ClaimNames.ClientId, client.ClientId),
                new Claim(ClaimNames.Role, client.Role),
                new Claim(ClaimNames.Oblast, client.Oblast),
            ]),
            SigningCredentials = new SigningCredentials(settings.CreateSigningKey(), SecurityAlgorithms.HmacSha256),
        });
        return TypedResults.Ok(new TokenResponse(token, "Bearer", (int)settings.TokenLifetime.TotalSeconds));
    }

    /// <summary>Client credentials from HTTP Basic authentication or, failing that, from the form body (RFC 6749 §2.3.1).</summary>
    private static (string? ClientId, string? Secret) Credentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0) return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form["client_id"].ToString() is { Length: > 0 } id ? id : null, form["client_secret"].ToString());
    }

    private static bool SecretMatches(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
