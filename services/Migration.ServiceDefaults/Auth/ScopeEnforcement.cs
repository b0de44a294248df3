using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Auth;

/// <summary>An endpoint that needs a scope other than its area's read (GET) or write (other methods) scope.</summary>
public sealed record RequiredScope(string Scope);

/// <summary>
/// Every authorised request to a service's API must also be covered by the token's scopes: reads by the area's read
/// (or write) scope, changes by its write scope, and endpoints that name one (<see cref="RequiredScope"/>, e.g.
/// payment approval) by that scope. Refusals are 403 <c>auth.scope-missing</c>, naming the scope.
/// </summary>
public static class ScopeEnforcement
{
    public const string ScopeMissing = "auth.scope-missing";

    /// <summary>Requires <paramref name="scope"/> instead of the area's write scope.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder endpoint, string scope) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new RequiredScope(scope));

    public static IApplicationBuilder UseScopeEnforcement(this IApplicationBuilder app, string serviceName)
    {
        if (!ApiScopes.AreaOf.TryGetValue(serviceName, out var area)) return app;
        return app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is null || context.User.Identity?.IsAuthenticated != true || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                await next(context);
                return;
            }

            var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
            var required = endpoint.Metadata.GetMetadata<RequiredScope>()?.Scope ?? (isRead ? ApiScopes.Read(area) : ApiScopes.Write(area));
            var granted = ApiScopes.Of(context.User);
            if (granted.Contains(required) || (isRead && granted.Contains(ApiScopes.Write(area))))
            {
                await next(context);
                return;
            }

            throw new ProblemException(StatusCodes.Status403Forbidden, ScopeMissing, "Not allowed",
                $"The token was not granted the scope '{required}' this request needs.");
        });
    }
}
