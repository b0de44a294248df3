using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Migration.Web.Tests;

/// <summary>
/// One staff member in their own browser context (their own cookies), logged in through the identity service's login
/// page like a person would. Keeps a screenshot of each main screen under <c>artifacts/screenshots</c> and checks it
/// with axe.
/// </summary>
public sealed class StaffSession : IAsyncDisposable
{
    public const string Password = "dev-password";
    private readonly IBrowserContext _context;
    private readonly Uri _app;

    private readonly WebFixture _web;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _console = new();

    private StaffSession(IBrowserContext context, IPage page, WebFixture web)
    {
        _context = context;
        Page = page;
        _web = web;
        _app = web.App;
    }

    public IPage Page { get; }

    public static string Screenshots { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");

    public static async Task<StaffSession> LogIn(WebFixture web, string userName, string password = Password)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(web.App.ToString());
        // Not logged in: the application sends the browser to the identity service's login page (through the gateway).
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        var session = new StaffSession(context, page, web);
        page.Console += (_, message) => session._console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => session._console.Enqueue($"page error: {error}");
        await session.Interactive();
        return session;
    }

    /// <summary>Opens a screen of the application and waits until its circuit is live.</summary>
    public async Task Open(string path)
    {
        await Page.GotoAsync(new Uri(_app, path).ToString());
        await Interactive();
    }

    /// <summary>The layout marks itself once interactive: a click before that would do nothing.</summary>
    public async Task Interactive()
    {
        try
        {
            await Page.Locator("[data-interactive=true]").WaitForAsync();
        }
        catch (TimeoutException e)
        {
            var body = await Page.ContentAsync();
            throw new TimeoutException($"{Page.Url} did not become interactive. The page:\n{body[..Math.Min(body.Length, 3000)]}\nThe browser's console:\n{string.Join('\n', _console)}\nThe web application's log:\n{_web.Web.RecentLog}", e);
        }
    }

    /// <summary>A screenshot kept as a test artefact, and axe's verdict on the screen: no serious or critical violation.</summary>
    public async Task Check(string screen)
    {
        Directory.CreateDirectory(Screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, screen + ".png"), FullPage = true });
        var result = await Page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{screen}: axe found {serious.Count} serious violations:\n" + string.Join('\n', serious.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
