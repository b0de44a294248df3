using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;

namespace Migration.ServiceDefaults.Auth;

public static class TokenValidationExtensions
{
    /// <summary>
    /// Validates bearer tokens in the service itself (defence in depth behind the gateway): an asymmetric signature by
    /// a key of the configured provider (read from its metadata) or a configured public key, the issuer, the audience
    /// and the lifetime. Symmetric and unsigned tokens are refused. The <c>role</c> claim carries the caller's roles;
    /// an external provider's claim names are mapped onto the program's (<see cref="TokenSettings"/>).
    /// </summary>
    public static IHostApplicationBuilder AddTokenValidation(this IHostApplicationBuilder builder)
    {
        var settings = TokenSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                if (!string.IsNullOrWhiteSpace(settings.MetadataAddress))
                {
                    options.MetadataAddress = settings.MetadataAddress;
                    options.RequireHttpsMetadata = settings.RequireHttpsMetadata ?? true;
                }

                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuers = [settings.Issuer!, .. settings.AdditionalIssuers],
                    ValidAudience = settings.Audience,
                    IssuerSigningKeys = [.. settings.CreateSigningKeys()],
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256],
                    NameClaimType = ClaimNames.Subject,
                    RoleClaimType = settings.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents { OnTokenValidated = context => MapClaims(context, settings) };
            });
        // An endpoint that names no policy still needs a valid token; anonymous endpoints say so explicitly.
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(
            new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>An external provider's oblast and scope claims under the program's names, so every check reads one name.</summary>
    private static Task MapClaims(TokenValidatedContext context, TokenSettings settings)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity) return Task.CompletedTask;
        foreach (var (from, to) in new[] { (settings.OblastClaim, ClaimNames.Oblast), (settings.ScopeClaim, ClaimNames.Scope) })
        {
            if (from == to) continue;
            foreach (var claim in identity.FindAll(from).ToList()) identity.AddClaim(new Claim(to, claim.Value));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Any <c>/api</c> path the service does not know still demands a valid token before it answers 404,
    /// so an unauthenticated caller learns nothing about which routes exist.
    /// </summary>
    public static IEndpointRouteBuilder MapApiFallback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback("/api/{**path}", () => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such resource."))
            .RequireAuthorization();
        return endpoints;
    }

    /// <summary>Requires an authenticated caller holding one of <paramref name="roles"/>.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder endpoint, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(roles));
}
