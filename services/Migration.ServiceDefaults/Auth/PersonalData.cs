using System.Security.Claims;

namespace Migration.ServiceDefaults.Auth;

/// <summary>
/// Who may see personal data (IIN, names, birth dates, IBAN) unmasked: the roles whose work needs it.
/// Everyone else sees masked values; logs never carry them unmasked.
/// </summary>
public static class PersonalData
{
    private static readonly HashSet<string> Readers =
    [
        Roles.RegistryClerk, Roles.Caseworker, Roles.CaseSupervisor, Roles.FinanceOfficer, Roles.SeniorFinanceOfficer, Roles.Auditor, Roles.Admin,
    ];

    public static bool MaySee(ClaimsPrincipal user) => user.FindAll(ClaimNames.Role).Any(role => Readers.Contains(role.Value));

    /// <summary>A name reduced to its initial: "Абенов" → "А.".</summary>
    public static string Initial(string name) => name.Length == 0 ? name : name[..1] + ".";
}
