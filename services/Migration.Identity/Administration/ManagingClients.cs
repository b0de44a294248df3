using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identity.Storage;
using Migration.Identity.Tokens;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Migration.Identity.Administration;

/// <summary>
/// API clients (akimat systems, banks, the statistics office) through the API: an admin registers one with a role, an
/// oblast and scopes no wider than the role allows; the secret is generated, shown once, and stored only as a hash.
/// Rotating it shows the new one once; deleting the client stops new tokens at once.
/// </summary>
public static class ManagingClients
{
    public const string NotFound = "client.not-found";
    public const string Exists = "client.exists";

    public sealed record Client(string ClientId, string? DisplayName, string Role, string Oblast, IReadOnlyList<string> Scopes);

    public sealed record CreateRequest(string? ClientId, string? DisplayName, string? Role, string? Oblast, IReadOnlyList<string>? Scopes);

    public sealed record WithSecret(Client Client, string ClientSecret);

    public static async Task<Ok<IReadOnlyList<Client>>> List(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var clients = new List<Client>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
            if (await View(applications, application, cancellationToken) is { } client) clients.Add(client);
        return TypedResults.Ok<IReadOnlyList<Client>>([.. clients.OrderBy(c => c.ClientId, StringComparer.Ordinal)]);
    }

    public static async Task<Created<WithSecret>> Create(
        CreateRequest request, ClaimsPrincipal user, IOpenIddictApplicationManager applications, IdentityDatabase database, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.ClientId) || request.ClientId.Length > 100 || !request.ClientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            errors.Add("clientId", "client-id.invalid", "'clientId' is 1 to 100 ASCII letters, digits, '.', '-' or '_'.");
        var (roles, oblast) = ManagingAccounts.RolesAndOblast(errors, request.Role is null ? null : [request.Role], request.Oblast);
        var allowed = roles.Count == 1 ? ApiScopes.ForRole(roles[0]) : [];
        var scopes = request.Scopes ?? allowed;
        if (scopes.Any(s => !allowed.Contains(s))) errors.Add("scopes", "scopes.too-wide", $"A client of role '{request.Role}' may be granted only: {string.Join(", ", allowed)}.");
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        if (await applications.FindByClientIdAsync(request.ClientId!, cancellationToken) is not null)
            throw ProblemException.Conflict(Exists, $"A client '{request.ClientId}' exists.");

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await applications.CreateAsync(Descriptor(request.ClientId!, secret, request.DisplayName ?? request.ClientId!, roles[0], oblast, scopes), cancellationToken);
        var client = new Client(request.ClientId!, request.DisplayName ?? request.ClientId, roles[0], oblast, [.. scopes]);
        IdentityAudit.Record(database, $"client/{client.ClientId}", "created", user.CallerId(), clock.GetUtcNow(), client);
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/identity/clients/{client.ClientId}", new WithSecret(client, secret));
    }

    public static async Task<Ok<WithSecret>> RotateSecret(
        string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, IdentityDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var application = await Find(applications, clientId, cancellationToken);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        var client = (await View(applications, application, cancellationToken))!;
        IdentityAudit.Record(database, $"client/{clientId}", "secret-rotated", user.CallerId(), clock.GetUtcNow(), client);
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new WithSecret(client, secret));
    }

    public static async Task<NoContent> Delete(
        string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, IdentityDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var application = await Find(applications, clientId, cancellationToken);
        await applications.DeleteAsync(application, cancellationToken);
        IdentityAudit.Record(database, $"client/{clientId}", "deleted", user.CallerId(), clock.GetUtcNow(), new { clientId });
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A confidential client of the client-credentials grant, with its role and oblast as properties.</summary>
    public static OpenIddictApplicationDescriptor Descriptor(string clientId, string secret, string displayName, string role, string oblast, IEnumerable<string> scopes)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes) descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        descriptor.Properties[IssuingTokens.RoleProperty] = JsonSerializer.SerializeToElement(role);
        descriptor.Properties[IssuingTokens.OblastProperty] = JsonSerializer.SerializeToElement(oblast);
        return descriptor;
    }

    private static async Task<object> Find(IOpenIddictApplicationManager applications, string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application && await applications.GetClientTypeAsync(application, cancellationToken) == ClientTypes.Confidential
            ? application
            : throw ProblemException.NotFound(NotFound, $"No API client '{clientId}'.");

    /// <summary>An API client as the admin sees it (the web application, a public client, is not listed).</summary>
    private static async Task<Client?> View(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        if (await applications.GetClientTypeAsync(application, cancellationToken) != ClientTypes.Confidential) return null;
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        string Text(string name) => properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        return new Client((await applications.GetClientIdAsync(application, cancellationToken))!, await applications.GetDisplayNameAsync(application, cancellationToken),
            Text(IssuingTokens.RoleProperty), Text(IssuingTokens.OblastProperty),
            [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..])]);
    }
}
