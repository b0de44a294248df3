using System.Net;
using System.Net.Http.Headers;
using Migration.Testing.Auth;

namespace Migration.EndToEnd.Tests;

/// <summary>
/// Each client has a request budget at the gateway. Tested on a second gateway with a tiny budget in front of the
/// same services, so that the other tests are never throttled.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class RateLimitTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task A_client_over_its_budget_gets_429_with_retry_after_while_another_client_goes_on()
    {
        await using var tight = await _system.StartAnotherGateway(new Dictionary<string, string>
        {
            ["Gateway:RateLimits:PermitLimit"] = "3",
            ["Gateway:RateLimits:Window"] = "00:05:00",
        });
        using var busy = Client(tight.Address, "auditor", subject: "busy-client");
        using var other = Client(tight.Address, "auditor", subject: "other-client");

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await busy.GetAsync("/api/registry/settlements/statistics");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await busy.GetAsync("/api/registry/settlements/statistics");
        using var stillServed = await other.GetAsync("/api/registry/settlements/statistics");

        var problem = await refused.AssertProblem(HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.True(refused.Headers.Contains("X-Correlation-Id"));
        Assert.Equal(refused.Headers.GetValues("X-Correlation-Id").Single(), problem.GetProperty("correlationId").GetString());
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
    }

    private static HttpClient Client(Uri gateway, string role, string subject)
    {
        var client = new HttpClient { BaseAddress = gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenForger.Create(role, subject: subject));
        return client;
    }
}
