using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Migration.EndToEnd.Tests;

/// <summary>
/// A creating POST with an <c>Idempotency-Key</c>, through the gateway, runs once: a retry gets the first answer, a
/// different body under the same key is refused, and racing retries never both create.
/// </summary>
[Collection(ProgramRun.Name)]
public sealed class IdempotencyKeyTests(ProgramFixture fixture)
{
    private readonly Migration.Testing.Hosting.ProgramSystem _system = fixture.System;

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_gets_the_first_answer_and_creates_nothing_more()
    {
        using var admin = await _system.Client("admin");
        var key = Guid.NewGuid().ToString();
        var kato = RealSettlements.NextCode();

        using var first = await Certify(admin, key, new { kato, potentialClass = "high" });
        using var retry = await Certify(admin, key, new { kato, potentialClass = "high" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await Certifications(admin, kato));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused()
    {
        using var admin = await _system.Client("admin");
        var key = Guid.NewGuid().ToString();

        using var first = await Certify(admin, key, new { kato = RealSettlements.NextCode(), potentialClass = "high" });
        using var other = await Certify(admin, key, new { kato = RealSettlements.NextCode(), potentialClass = "low" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await other.AssertProblem(HttpStatusCode.UnprocessableEntity, "idempotency.key-reused");
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        using var admin = await _system.Client("admin");
        using var clerk = await _system.Client("registry-clerk");
        var key = Guid.NewGuid().ToString();

        using var byAdmin = await Certify(admin, key, new { kato = RealSettlements.NextCode(), potentialClass = "high" });
        using var byClerk = await Certify(clerk, key, new { kato = RealSettlements.NextCode(), potentialClass = "high" });

        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byClerk.StatusCode);
        Assert.False(byClerk.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Racing_retries_never_both_run()
    {
        using var admin = await _system.Client("admin");
        var key = Guid.NewGuid().ToString();
        var kato = RealSettlements.NextCode();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Certify(admin, key, new { kato, potentialClass = "medium" })));

        try
        {
            var executed = answers.Count(a => a.StatusCode == HttpStatusCode.Created && !a.Headers.Contains("Idempotent-Replayed"));
            Assert.Equal(1, executed);
            foreach (var answer in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
                await answer.AssertProblem(HttpStatusCode.Conflict, "idempotency.in-progress");
            Assert.Equal(1, await Certifications(admin, kato));
        }
        finally
        {
            foreach (var answer in answers) answer.Dispose();
        }
    }

    [Fact]
    public async Task A_budget_line_opened_twice_with_one_key_is_opened_once()
    {
        using var admin = await _system.Client("admin");
        var key = Guid.NewGuid().ToString();
        var line = new { fiscalYear = 2000 + Random.Shared.Next(0, 100), source = "other", oblast = "43", allocatedKzt = 1_000_000m, reference = "idempotency test" };

        using var first = await Post(admin, "/api/payments/budgets", key, line);
        using var retry = await Post(admin, "/api/payments/budgets", key, line);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
    }

    private static Task<HttpResponseMessage> Certify(HttpClient client, string key, object body) =>
        Post(client, "/api/registry/settlements", key, body);

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static async Task<int> Certifications(HttpClient client, string kato)
    {
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/registry/settlements/{kato}/certifications");
        var entries = history.ValueKind == JsonValueKind.Array ? history : history.GetProperty("items");
        return entries.EnumerateArray().Count();
    }
}
