using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Migration.Identifiers;
using Migration.Identity.Storage;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Identity.Administration;

/// <summary>
/// Staff accounts through the API: an admin creates them with roles and an oblast, changes them (If-Match), sets a new
/// password, deactivates them (a deactivated member gets no new tokens, also from a refresh token); auditors read.
/// </summary>
public static class ManagingAccounts
{
    public const string NotFound = "account.not-found";
    public const string Exists = "account.exists";
    public const int MinPasswordLength = 12;

    public sealed record Account(
        string UserName, string DisplayName, IReadOnlyList<string> Roles, string Oblast, bool Active, decimal? ApprovalLimitKzt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    public sealed record CreateRequest(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, string? Oblast, decimal? ApprovalLimitKzt);

    public sealed record ChangeRequest(string? DisplayName, IReadOnlyList<string>? Roles, string? Oblast, bool? Active, decimal? ApprovalLimitKzt);

    public sealed record PasswordRequest(string? Password);

    public static async Task<Ok<IReadOnlyList<Account>>> List(IdentityDatabase database, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<Account>>([.. (await database.Accounts.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(cancellationToken)).Select(View)]);

    public static async Task<Ok<Account>> Get(string userName, IdentityDatabase database, HttpResponse response, CancellationToken cancellationToken)
    {
        var account = await Find(database, userName, cancellationToken);
        response.SetETag(account.Version);
        return TypedResults.Ok(View(account));
    }

    public static async Task<Created<Account>> Create(
        CreateRequest request, ClaimsPrincipal user, IdentityDatabase database, IPasswordHasher<StaffAccount> hasher, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 100 || !request.UserName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            errors.Add("userName", "user-name.invalid", "'userName' is 1 to 100 ASCII letters, digits, '.', '-' or '_'.");
        Password(errors, request.Password);
        var (roles, oblast) = RolesAndOblast(errors, request.Roles, request.Oblast);
        Limit(errors, request.ApprovalLimitKzt, roles);
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200) errors.Add("displayName", "required", "'displayName' is required (at most 200 characters).");
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        if (await database.Accounts.AnyAsync(a => a.UserName == request.UserName, cancellationToken))
            throw ProblemException.Conflict(Exists, $"An account '{request.UserName}' exists.");

        var now = clock.GetUtcNow();
        var account = new StaffAccount { UserName = request.UserName!, DisplayName = request.DisplayName!.Trim(), PasswordHash = "", Roles = roles, Oblast = oblast, ApprovalLimitKzt = request.ApprovalLimitKzt, CreatedAt = now, UpdatedAt = now, Version = 1 };
        account.PasswordHash = hasher.HashPassword(account, request.Password!);
        database.Accounts.Add(account);
        IdentityAudit.Record(database, $"account/{account.UserName}", "created", user.CallerId(), now, View(account));
        await database.SaveChangesAsync(cancellationToken);
        response.SetETag(account.Version);
        return TypedResults.Created($"/api/identity/accounts/{account.UserName}", View(account));
    }

    public static async Task<Ok<Account>> Change(
        string userName, ChangeRequest request, HttpRequest http, ClaimsPrincipal user, IdentityDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (roles, oblast) = RolesAndOblast(errors, request.Roles, request.Oblast);
        Limit(errors, request.ApprovalLimitKzt, roles);
        if (request.DisplayName is { Length: 0 or > 200 }) errors.Add("displayName", "display-name.invalid", "'displayName' has 1 to 200 characters.");
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        var account = await Current(database, userName, http.RequiredVersion(), cancellationToken);

        account.DisplayName = request.DisplayName?.Trim() ?? account.DisplayName;
        account.Roles = roles;
        account.Oblast = oblast;
        account.Active = request.Active ?? account.Active;
        account.ApprovalLimitKzt = request.ApprovalLimitKzt;
        return TypedResults.Ok(await Save(database, account, "changed", user, clock, http.HttpContext.Response, cancellationToken));
    }

    public static async Task<Ok<Account>> SetPassword(
        string userName, PasswordRequest request, HttpRequest http, ClaimsPrincipal user, IdentityDatabase database, IPasswordHasher<StaffAccount> hasher,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Password(errors, request.Password);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        var account = await Current(database, userName, http.RequiredVersion(), cancellationToken);
        account.PasswordHash = hasher.HashPassword(account, request.Password!);
        return TypedResults.Ok(await Save(database, account, "password-set", user, clock, http.HttpContext.Response, cancellationToken));
    }

    public static Account View(StaffAccount a) => new(a.UserName, a.DisplayName, a.Roles, a.Oblast, a.Active, a.ApprovalLimitKzt, a.CreatedAt, a.UpdatedAt);

    /// <summary>Only a senior finance officer has an approval limit: positive KZT with at most two decimals.</summary>
    private static void Limit(ValidationErrors errors, decimal? limit, IReadOnlyCollection<string> roles)
    {
        if (limit is not { } value) return;
        if (!roles.Contains(Roles.SeniorFinanceOfficer))
            errors.Add("approvalLimitKzt", "approval-limit.not-approver", "Only a senior finance officer has an approval limit.");
        else if (value <= 0 || decimal.Round(value, 2) != value)
            errors.Add("approvalLimitKzt", "approval-limit.invalid", "'approvalLimitKzt' is a positive amount in KZT with at most 2 decimals.");
    }

    private static async Task<Account> Save(
        IdentityDatabase database, StaffAccount account, string action, ClaimsPrincipal user, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        account.UpdatedAt = clock.GetUtcNow();
        account.Version++;
        IdentityAudit.Record(database, $"account/{account.UserName}", action, user.CallerId(), account.UpdatedAt, View(account));
        try
        {
            await database.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ProblemException.PreconditionFailed($"Account '{account.UserName}' was changed meanwhile; read it again.");
        }

        response.SetETag(account.Version);
        return View(account);
    }

    private static async Task<StaffAccount> Current(IdentityDatabase database, string userName, long expected, CancellationToken cancellationToken)
    {
        var account = await Find(database, userName, cancellationToken);
        return account.Version == expected ? account : throw ProblemException.PreconditionFailed($"Account '{userName}' is at version {account.Version}, not {expected}.");
    }

    private static async Task<StaffAccount> Find(IdentityDatabase database, string userName, CancellationToken cancellationToken) =>
        await database.Accounts.SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken)
        ?? throw ProblemException.NotFound(NotFound, $"No account '{userName}'.");

    private static void Password(ValidationErrors errors, string? password)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > 200)
            errors.Add("password", "password.weak", $"'password' must have {MinPasswordLength} to 200 characters.");
    }

    /// <summary>Roles are the program's; the oblast is a KATO oblast code or <c>*</c>.</summary>
    public static (List<string> Roles, string Oblast) RolesAndOblast(ValidationErrors errors, IReadOnlyList<string>? roles, string? oblast)
    {
        if (roles is null || roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
            errors.Add("roles", "roles.invalid", $"'roles' must name at least one of: {string.Join(", ", Roles.All)}.");
        if (oblast is null || (oblast != Oblasts.All && !Oblasts.IsKnown(oblast)))
            errors.Add("oblast", "oblast.invalid", "'oblast' must be an oblast code (the first two digits of KATO) or '*'.");
        return ([.. (roles ?? []).Distinct()], oblast ?? "");
    }
}
