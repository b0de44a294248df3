using System.Security.Claims;
using Migration.ServiceDefaults.Auth;

namespace Migration.Web.Components.Layout;

/// <summary>A screen in the menu: its address (relative to the application), its label (a text key) and who sees it.</summary>
public sealed record NavigationItem(string Href, string Label, string Icon, IReadOnlyList<string> Roles)
{
    public bool IsFor(ClaimsPrincipal user) => Roles.Count == 0 || Roles.Any(user.IsInRole);
}

/// <summary>The screens by role: each staff member sees only what their work needs.</summary>
public static class Navigation
{
    private static readonly string[] CaseReaders = [Roles.Caseworker, Roles.CaseSupervisor, Roles.Auditor, Roles.Admin];
    private static readonly string[] FinanceReaders = [Roles.FinanceOfficer, Roles.SeniorFinanceOfficer, Roles.Auditor, Roles.Admin];

    public static readonly IReadOnlyList<NavigationItem> Items =
    [
        new("", "Programme dashboard", MudBlazor.Icons.Material.Filled.Dashboard, []),
        new("cases", "Cases", MudBlazor.Icons.Material.Filled.FolderOpen, CaseReaders),
        new("cases/new", "Open a case", MudBlazor.Icons.Material.Filled.CreateNewFolder, [Roles.Caseworker]),
        new("approvals", "Cases to approve", MudBlazor.Icons.Material.Filled.HowToReg, [Roles.CaseSupervisor]),
        new("payments/verification", "Payments to verify", MudBlazor.Icons.Material.Filled.FactCheck, [Roles.FinanceOfficer]),
        new("payments/approval", "Payments to approve", MudBlazor.Icons.Material.Filled.Approval, [Roles.SeniorFinanceOfficer]),
        new("payments", "Payments", MudBlazor.Icons.Material.Filled.Payments, FinanceReaders),
        new("payments/recoveries", "Recoveries", MudBlazor.Icons.Material.Filled.Undo, FinanceReaders),
        new("budgets", "Budget lines", MudBlazor.Icons.Material.Filled.AccountBalance, FinanceReaders),
        new("payments/batches", "Bank files", MudBlazor.Icons.Material.Filled.Send, [Roles.FinanceOfficer, Roles.SeniorFinanceOfficer, Roles.Auditor]),
        new("registry/settlements", "Settlements", MudBlazor.Icons.Material.Filled.Place, [Roles.RegistryClerk, Roles.Auditor, Roles.Admin]),
        new("registry/households/new", "Register a household", MudBlazor.Icons.Material.Filled.GroupAdd, [Roles.RegistryClerk, Roles.Admin]),
        new("registry/imports", "Imports", MudBlazor.Icons.Material.Filled.UploadFile, [Roles.RegistryClerk, Roles.Admin]),
        new("housing", "Housing stock", MudBlazor.Icons.Material.Filled.House, [Roles.HousingOfficer, Roles.Auditor, Roles.Admin]),
        new("payments/statements", "Bank statements", MudBlazor.Icons.Material.Filled.ReceiptLong, [Roles.FinanceOfficer, Roles.SeniorFinanceOfficer, Roles.Auditor]),
    ];

    public static IEnumerable<NavigationItem> For(ClaimsPrincipal user) => Items.Where(i => i.IsFor(user));

    /// <summary>
    /// A screen is marked current for its sub-pages too (a case under "Cases"), unless another menu item lives below it
    /// ("Payments to verify" under "Payments"): then only its own address marks it.
    /// </summary>
    public static Microsoft.AspNetCore.Components.Routing.NavLinkMatch MatchOf(NavigationItem item) =>
        item.Href.Length == 0 || Items.Any(other => other.Href.StartsWith(item.Href + "/", StringComparison.Ordinal))
            ? Microsoft.AspNetCore.Components.Routing.NavLinkMatch.All
            : Microsoft.AspNetCore.Components.Routing.NavLinkMatch.Prefix;
}
