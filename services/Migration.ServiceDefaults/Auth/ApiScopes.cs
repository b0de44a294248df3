using System.Security.Claims;

namespace Migration.ServiceDefaults.Auth;

/// <summary>
/// The API scopes: per service area a read scope and a write scope, and the approval of payments on its own. A token
/// carries the scopes its client (or the user's web session) was granted; a service answers only what the token's
/// scopes cover, on top of the role checks of each endpoint. Roles say what a person may do; scopes say what this
/// client was allowed to do on their behalf (a statistics integrator reads, it never writes).
/// </summary>
public static class ApiScopes
{
    public const string PaymentsApprove = "payments.approve";

    /// <summary>The area of each service, as its scopes are named.</summary>
    public static readonly IReadOnlyDictionary<string, string> AreaOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["registry"] = "registry",
        ["relocation-case"] = "cases",
        ["housing-allocation"] = "housing",
        ["subsidy-payment"] = "payments",
        ["identity"] = "identity",
    };

    public static string Read(string area) => $"{area}.read";

    public static string Write(string area) => $"{area}.write";

    /// <summary>Every scope of the program.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. AreaOf.Values.Distinct().SelectMany(a => new[] { Read(a), Write(a) }), PaymentsApprove];

    /// <summary>
    /// The scopes a role may be granted: reads of every area for staff; writes where the role's work changes things;
    /// approvals for senior finance officers only. Integrators (akimat systems, banks, the statistics office) read, and may
    /// write to the registry (imports, employers' labour demand); each integrator client is granted only what it needs.
    /// </summary>
    public static IReadOnlyList<string> ForRole(string role)
    {
        var reads = AreaOf.Values.Distinct().Where(a => a != "identity" || role is Roles.Admin or Roles.Auditor).Select(Read);
        IEnumerable<string> writes = role switch
        {
            Roles.RegistryClerk => [Write("registry")],
            Roles.Caseworker => [Write("cases")],
            Roles.CaseSupervisor => [Write("cases")],
            Roles.HousingOfficer => [Write("housing")],
            Roles.FinanceOfficer => [Write("payments")],
            Roles.SeniorFinanceOfficer => [Write("payments"), PaymentsApprove],
            Roles.Integrator => [Write("registry")],
            Roles.Admin => [.. AreaOf.Values.Distinct().Select(Write)],
            _ => [],
        };
        return [.. reads.Concat(writes).Distinct()];
    }

    /// <summary>The scopes a token was granted, whether it carries them space-separated or one claim per scope.</summary>
    public static IReadOnlySet<string> Of(ClaimsPrincipal user, string claim = ClaimNames.Scope) =>
        user.FindAll(claim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
}
