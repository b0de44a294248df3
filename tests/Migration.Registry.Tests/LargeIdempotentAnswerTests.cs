using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Migration.Registry.Tests;

/// <summary>
/// An answer larger than the store keeps (a 5,000-payment batch answers megabytes) is kept without its body, in the
/// same transaction as the request's effects: a retry with the key gets the status, Location and ETag, and the request
/// never runs twice. Shown on an instance whose limit is a few bytes.
/// </summary>
[Collection(RegistryRun.Name)]
public sealed class LargeIdempotentAnswerTests(RegistryFixture registry)
{
    [Fact]
    public async Task A_retry_of_a_request_whose_answer_was_too_large_to_keep_gets_its_status_and_location_and_runs_nothing()
    {
        await using var tiny = await registry.StartAnotherInstance(new Dictionary<string, string> { ["Idempotency:MaxStoredResponseBytes"] = "64" });
        using var clerk = registry.Client("registry-clerk", instance: tiny);
        var kato = RealSettlements.NextCode();
        var key = Guid.NewGuid().ToString();

        using var first = await Certify(clerk, key, kato);
        using var retry = await Certify(clerk, key, kato);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True((await first.Content.ReadAsByteArrayAsync()).Length > 64, "the first answer is larger than the limit");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Empty(await retry.Content.ReadAsByteArrayAsync());
        var history = await clerk.GetFromJsonAsync<JsonElement>($"/api/registry/settlements/{kato}/certifications");
        Assert.Single((history.ValueKind == JsonValueKind.Array ? history : history.GetProperty("items")).EnumerateArray());
    }

    private static async Task<HttpResponseMessage> Certify(HttpClient clerk, string key, string kato)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/settlements") { Content = JsonContent.Create(new { kato, potentialClass = "high" }) };
        request.Headers.Add("Idempotency-Key", key);
        return await clerk.SendAsync(request);
    }
}
