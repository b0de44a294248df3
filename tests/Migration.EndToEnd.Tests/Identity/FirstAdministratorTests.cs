using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Migration.Testing.Hosting;
using Migration.Testing.Servers;

namespace Migration.EndToEnd.Tests.Identity;

/// <summary>
/// An installation without demo accounts gets its first administrator from configuration (a Secret in production):
/// created once, when there is no administrator, and never changed by the configuration afterwards.
/// </summary>
public sealed class FirstAdministratorTests
{
    private const string UserName = "first-admin";

    [Fact]
    public async Task The_configured_administrator_is_created_once_and_can_log_in_while_no_demo_account_exists()
    {
        await using var isolation = await Isolation.Create("first-admin");
        var port = FreePort.Next();
        await using (var identity = Identity(isolation, port, "installation secret one"))
        {
            await identity.Start();
            var (tokens, _) = await new WebLogin(identity.Address).LogIn(UserName, "installation secret one", "openid");
            var access = new JsonWebToken(tokens!.AccessToken);
            Assert.Equal((UserName, "admin", "*"), (access.Subject, access.GetClaim("role").Value, access.GetClaim("oblast").Value));
            Assert.Equal(HttpStatusCode.Unauthorized, (await new WebLogin(identity.Address).LogIn("admin", "dev-password", "openid")).LoginStatus);
        }

        // Started again with another password in its configuration: the administrator exists, nothing changes.
        await using (var again = Identity(isolation, port, "installation secret two"))
        {
            await again.Start();
            Assert.NotNull((await new WebLogin(again.Address).LogIn(UserName, "installation secret one", "openid")).Tokens);
            Assert.Equal(HttpStatusCode.Unauthorized, (await new WebLogin(again.Address).LogIn(UserName, "installation secret two", "openid")).LoginStatus);
        }
    }

    [Fact]
    public async Task A_bootstrap_password_shorter_than_the_rules_allow_stops_the_service()
    {
        await using var isolation = await Isolation.Create("first-admin-short");
        await using var identity = Identity(isolation, FreePort.Next(), "too short");
        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => identity.Start());
        Assert.Contains("Identity:BootstrapAdmin", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProcess Identity(Isolation isolation, int port, string password) =>
        ServiceSettings.Service(isolation, ProgramSystem.IdentityName, ProgramSystem.IdentityFolder, new Dictionary<string, string>
        {
            ["Auth:Issuer"] = $"http://127.0.0.1:{port}/",
            ["Identity:SeedDemo"] = "false",
            ["Identity:BootstrapAdmin:UserName"] = UserName,
            ["Identity:BootstrapAdmin:Password"] = password,
        }, port);
}
