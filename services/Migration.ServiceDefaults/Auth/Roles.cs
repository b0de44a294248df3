namespace Migration.ServiceDefaults.Auth;

/// <summary>The program's roles, as carried in the token's <c>role</c> claim.</summary>
public static class Roles
{
    public const string RegistryClerk = "registry-clerk";
    public const string Caseworker = "caseworker";
    public const string CaseSupervisor = "case-supervisor";
    public const string HousingOfficer = "housing-officer";
    public const string FinanceOfficer = "finance-officer";
    public const string SeniorFinanceOfficer = "senior-finance-officer";
    public const string Auditor = "auditor";
    public const string Integrator = "integrator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All =
    [
        RegistryClerk, Caseworker, CaseSupervisor, HousingOfficer, FinanceOfficer,
        SeniorFinanceOfficer, Auditor, Integrator, Admin,
    ];

    /// <summary>Every role that may read the program's data (everyone but anonymous callers).</summary>
    public static readonly string[] Staff = [.. All];
}
