using Microsoft.Playwright;
using Migration.Testing.Hosting;

namespace Migration.Web.Tests;

/// <summary>
/// The whole system as processes (identity, four services, gateway) with the web application behind the gateway at
/// <c>/app</c>, and Debian's Chromium driven by Playwright. The gateway's port is chosen first: the identity service must
/// know the web application's redirect addresses, and the web application the gateway's address.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public ProgramSystem System { get; private set; } = null!;

    public ServiceProcess Web { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The application as the browser sees it: through the gateway.</summary>
    public Uri App => new(System.Gateway.Address, "/app/");

    public async Task InitializeAsync()
    {
        try
        {
            await Start();
        }
        catch
        {
            await DisposeAsync();   // xunit does not dispose a fixture whose start failed: no process may outlive the run
            throw;
        }
    }

    private async Task Start()
    {
        var gatewayPort = FreePort.Next();
        var webPort = FreePort.Next();
        var gateway = $"http://127.0.0.1:{gatewayPort}";
        System = await ProgramSystem.Start("web",
            gatewaySettings: new Dictionary<string, string> { ["ReverseProxy:Clusters:web:Destinations:primary:Address"] = $"http://127.0.0.1:{webPort}" },
            identitySettings: new Dictionary<string, string>
            {
                ["Identity:WebRedirectUris:0"] = $"{gateway}/app/authentication/login-callback",
                ["Identity:WebPostLogoutRedirectUris:0"] = $"{gateway}/app/authentication/logout-callback",
            },
            gatewayAt: gatewayPort);
        Web = new ServiceProcess("web", "web/Migration.Web", new Dictionary<string, string> { ["Web:GatewayAddress"] = gateway + "/" }, webPort);
        await Web.Start();

        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: deploy/local/install-prerequisites.sh installs it (apt-get install chromium).");
        // The machine runs the whole system beside the browser: give screens time to load before an expectation fails.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Web is not null) await Web.DisposeAsync();
        if (System is not null) await System.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebRun : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
