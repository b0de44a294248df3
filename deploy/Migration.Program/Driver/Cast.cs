using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver;

/// <summary>
/// Who plays which part. The demo clients (client id = role) play the admin, the auditor, the clerk who certifies the
/// settlements, the accounts officer of the returns and the second approver; the admin registers the oblast staff, as
/// an oblast's offices have their own people: per origin oblast a caseworker (caseworkers work in one oblast), a
/// supervisor and an accounts officer; per oblast a registry clerk (households at the origins, employers and vacancies at
/// the destinations); per receiving oblast a housing officer, a finance officer and a senior finance officer (the
/// destination's oblast houses and pays). Each is its own client with its own token, and so its own share of the
/// gateway's per-client rate limit.
/// </summary>
public sealed class Cast(ProgramScenario scenario)
{
    public const string Clerk = "registry-clerk";
    public const string Admin = "admin";
    public const string Auditor = "auditor";

    /// <summary>Finance staff of the whole country: records households' bank accounts.</summary>
    public const string AccountsOfficer = "finance-officer";

    /// <summary>The second senior finance officer, for payments above the two-approver threshold.</summary>
    public const string SecondApprover = "senior-finance-officer";

    public const decimal ApprovalLimitKzt = 5_000_000m;

    public static string CaseworkerOf(string originOblast) => $"caseworker-{originOblast}";

    public static string SupervisorOf(string originOblast) => $"case-supervisor-{originOblast}";

    public static string AccountsOfficerOf(string originOblast) => $"accounts-officer-{originOblast}";

    public static string ClerkOf(string oblast) => $"registry-clerk-{oblast}";

    public static string HousingOfficerOf(string destinationOblast) => $"housing-officer-{destinationOblast}";

    public static string FinanceOf(string destinationOblast) => $"finance-officer-{destinationOblast}";

    public static string SeniorOf(string destinationOblast) => $"senior-finance-officer-{destinationOblast}";

    /// <summary>The oblast staff to register: (client id, role, oblast).</summary>
    public IEnumerable<(string ClientId, string Role, string Oblast)> OblastStaff =>
        scenario.Origins.Select(o => o.Oblast).Distinct().Order(StringComparer.Ordinal)
            .SelectMany(o => new[] { (CaseworkerOf(o), "caseworker", o), (SupervisorOf(o), "case-supervisor", o), (AccountsOfficerOf(o), "finance-officer", o) })
            .Concat(scenario.Origins.Select(o => o.Oblast).Union(StageOne.ReceivingOblasts).Distinct().Order(StringComparer.Ordinal).Select(o => (ClerkOf(o), "registry-clerk", o)))
            .Concat(StageOne.ReceivingOblasts.SelectMany(o => new[]
            {
                (HousingOfficerOf(o), "housing-officer", o), (FinanceOf(o), "finance-officer", o), (SeniorOf(o), "senior-finance-officer", o),
            }));

    /// <summary>Everyone who approves payments, with the limit the admin gives them.</summary>
    public static IEnumerable<string> Approvers => StageOne.ReceivingOblasts.Select(SeniorOf).Append(SecondApprover);
}
