using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver;

/// <summary>
/// Who plays which part. The demo clients (client id = role) play the clerk, supervisor, housing officer, admin, auditor
/// and the second approver; the admin registers the oblast staff: a caseworker per origin oblast (caseworkers work in one
/// oblast) and a finance officer and a senior finance officer per receiving oblast (the destination's oblast pays).
/// Each is its own client with its own token, and so its own share of the gateway's per-client rate limit.
/// </summary>
public sealed class Cast(ProgramScenario scenario)
{
    public const string Clerk = "registry-clerk";
    public const string Supervisor = "case-supervisor";
    public const string HousingOfficer = "housing-officer";
    public const string Admin = "admin";
    public const string Auditor = "auditor";

    /// <summary>Finance staff of the whole country: records households' bank accounts.</summary>
    public const string AccountsOfficer = "finance-officer";

    /// <summary>The second senior finance officer, for payments above the two-approver threshold.</summary>
    public const string SecondApprover = "senior-finance-officer";

    public const decimal ApprovalLimitKzt = 5_000_000m;

    public static string CaseworkerOf(string originOblast) => $"caseworker-{originOblast}";

    public static string FinanceOf(string destinationOblast) => $"finance-officer-{destinationOblast}";

    public static string SeniorOf(string destinationOblast) => $"senior-finance-officer-{destinationOblast}";

    /// <summary>The oblast staff to register: (client id, role, oblast).</summary>
    public IEnumerable<(string ClientId, string Role, string Oblast)> OblastStaff =>
        scenario.Origins.Select(o => o.Oblast).Distinct().Order(StringComparer.Ordinal).Select(o => (CaseworkerOf(o), "caseworker", o))
            .Concat(StageOne.ReceivingOblasts.SelectMany(o => new[] { (FinanceOf(o), "finance-officer", o), (SeniorOf(o), "senior-finance-officer", o) }));

    /// <summary>Everyone who approves payments, with the limit the admin gives them.</summary>
    public static IEnumerable<string> Approvers => StageOne.ReceivingOblasts.Select(SeniorOf).Append(SecondApprover);
}
