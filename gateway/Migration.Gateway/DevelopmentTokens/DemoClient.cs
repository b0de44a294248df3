using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;

namespace Migration.Gateway.DevelopmentTokens;

/// <summary>A client allowed to obtain tokens in Development, with the role and oblast its tokens carry.</summary>
public sealed record DemoClient(string ClientId, string Secret, string Role, string Oblast)
{
    public const string DemoSecret = "dev-secret";

    /// <summary>One client per role, named after the role, covering every oblast.</summary>
    public static IEnumerable<DemoClient> PerRole() => Roles.All.Select(role => new DemoClient(role, DemoSecret, role, Oblasts.All));
}
