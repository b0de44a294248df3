using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Migration.ServiceDefaults.Auth;

namespace Migration.ServiceDefaults.OpenApi;

/// <summary>
/// What an integrator reads first in every service's OpenAPI document (and in the gateway's <c>/api-docs</c>): that the
/// gateway is the only door, how to get a token, a first call, and the conventions every endpoint shares. It also
/// declares the bearer scheme so that interactive clients offer a token field.
/// </summary>
public static class ApiDocumentIntroduction
{
    public const string SecuritySchemeName = "Bearer";

    public static OpenApiOptions AddIntroduction(this OpenApiOptions options, string serviceName)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = $"Migration program: {serviceName}";
            document.Info.Description = Text;
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from POST /connect/token (client credentials).",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] }];
            return Task.CompletedTask;
        });
        return options;
    }

    private static readonly string Text = $"""
        Every call goes through the **gateway** (port 8080 locally), the only door to the program's services. Every
        `/api` call needs a bearer token.

        ## Getting a token

        `POST /connect/token` with a form body (`application/x-www-form-urlencoded`), OAuth 2.0 client credentials:

        | field | value |
        | --- | --- |
        | `grant_type` | `client_credentials` |
        | `client_id` | your client (or use HTTP Basic authentication) |
        | `client_secret` | its secret |

        In Development there is one client per role, named after the role, with the secret `dev-secret`:
        {string.Join(", ", Roles.All.Select(role => $"`{role}`"))}.

        ```sh
        TOKEN=$(curl -s http://localhost:8080/connect/token \
          -d grant_type=client_credentials -d client_id=registry-clerk -d client_secret=dev-secret | jq -r .access_token)
        ```

        The answer is `{"{"}"access_token": "…", "token_type": "Bearer", "expires_in": 3600{"}"}`; send the token as
        `Authorization: Bearer …` until it expires, then get another.

        ## A first call

        ```sh
        curl -s http://localhost:8080/api/registry/settlements/statistics -H "Authorization: Bearer $TOKEN"
        ```

        ## Conventions

        - Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code` to program against,
          a `traceId` and a `correlationId`.
        - `X-Correlation-Id`: send one to follow a request through every service, or read the one the gateway created.
        - `Idempotency-Key` on a `POST`: a retry with the same key and body gets the first answer again
          (`Idempotent-Replayed: true`), the same key with another body `422 idempotency.key-reused`, and a retry while
          the first still runs `409 idempotency.in-progress`. Keys are kept for 24 hours.
        - Updates carry the `ETag` they read in `If-Match`; a stale one answers `412`.
        - Each client has a request budget: beyond it the gateway answers `429 rate-limited` with `Retry-After` (seconds).
        """;
}
