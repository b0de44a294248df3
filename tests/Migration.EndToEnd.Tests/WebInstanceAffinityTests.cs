using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Migration.Testing.Hosting;

namespace Migration.EndToEnd.Tests;

/// <summary>
/// The web application (Blazor Server) keeps each browser's circuit in one instance's memory, so the gateway sends a
/// browser back to the instance it first reached (YARP session affinity, a cookie), while different browsers are
/// spread over the instances. Tested on a second gateway whose web cluster has two small instances that say who they are.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class WebInstanceAffinityTests(ProgramFixture fixture)
{
    private const string AffinityCookie = ".Migration.Web.Instance";

    [Fact]
    public async Task A_browser_stays_with_its_web_instance_and_browsers_are_spread_over_the_instances()
    {
        await using var first = await NamedInstance.Start("first");
        await using var second = await NamedInstance.Start("second");
        await using var gateway = await fixture.System.StartAnotherGateway(new Dictionary<string, string>
        {
            ["ReverseProxy:Clusters:web:Destinations:primary:Address"] = first.Address,
            ["ReverseProxy:Clusters:web:Destinations:replica1:Address"] = second.Address,
        });

        var reached = new HashSet<string>();
        for (var browser = 0; browser < 20; browser++)
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = gateway.Address };
            using var firstAnswer = await client.GetAsync("/app/cases");
            Assert.Equal(HttpStatusCode.OK, firstAnswer.StatusCode);
            Assert.Contains(firstAnswer.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AffinityCookie + "=", StringComparison.Ordinal)
                && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("path=/app", StringComparison.OrdinalIgnoreCase));
            var instance = await firstAnswer.Content.ReadAsStringAsync();
            for (var request = 0; request < 5; request++)
                Assert.Equal(instance, await client.GetStringAsync($"/app/_blazor/negotiate?attempt={request}"));
            reached.Add(instance);
        }

        Assert.Equal(["first", "second"], reached.Order());
    }

    /// <summary>A stand-in web instance: ready, and answering every request with its name.</summary>
    private sealed class NamedInstance(WebApplication app, string address) : IAsyncDisposable
    {
        public string Address { get; } = address;

        public static async Task<NamedInstance> Start(string name)
        {
            var address = $"http://127.0.0.1:{FreePort.Next()}/";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(address);
            var app = builder.Build();
            app.Run(context => context.Response.WriteAsync(name));
            await app.StartAsync();
            return new NamedInstance(app, address);
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
