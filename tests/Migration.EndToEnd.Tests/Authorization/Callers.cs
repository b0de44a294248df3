namespace Migration.EndToEnd.Tests.Authorization;

/// <summary>
/// Everyone the matrix tries: one demo client per role (client_id = role, every oblast) and the caller with no token.
/// Kept here rather than read from the services' role list, so that a new role also needs a decision in the table.
/// </summary>
internal static class Callers
{
    public static readonly IReadOnlyList<string> Roles =
    [
        "registry-clerk", "caseworker", "case-supervisor", "housing-officer", "finance-officer",
        "senior-finance-officer", "auditor", "integrator", "admin",
    ];

    /// <summary>Every role, then <c>null</c> for the anonymous caller.</summary>
    public static IEnumerable<string?> All => Roles.Append(null);

    public static string Name(string? role) => role ?? "(no token)";
}
