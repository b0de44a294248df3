using Migration.ServiceDefaults.Auth;

namespace Migration.SubsidyPayment;

/// <summary>Who reads the payment service's records: finance staff, auditors and admins (caseworkers see only entitlements).</summary>
public static class FinanceRoles
{
    public static readonly string[] Readers = [Roles.FinanceOfficer, Roles.SeniorFinanceOfficer, Roles.Auditor, Roles.Admin];
}
