using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Migration.ServiceDefaults.Idempotency;

namespace Migration.Plumbing.Tests;

/// <summary>The idempotency keys' store on real PostgreSQL: who gets a key, what repeats are told, and when keys are free again.</summary>
public sealed class IdempotencyStoreTests : IAsyncLifetime
{
    private static readonly IdempotencySettings Settings = new() { Retention = TimeSpan.FromHours(24), InProgressLease = TimeSpan.FromMinutes(15) };
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2025-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private ConsumerHost _host = null!;
    private IdempotencyStore _keys = null!;

    public async Task InitializeAsync()
    {
        _host = await ConsumerHost.Start("idempotency", _ => { });
        _keys = new IdempotencyStore(_host.Host.Services.GetRequiredService<IDocumentStore>(), _clock, Settings);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_first_request_takes_the_key_and_a_repeat_meanwhile_is_told_it_still_runs()
    {
        var request = Request("body");

        Assert.IsType<IdempotencyClaim.Taken>(await _keys.Take(request, default));
        Assert.IsType<IdempotencyClaim.StillRunning>(await _keys.Take(request, default));
        Assert.IsType<IdempotencyClaim.ReusedWithAnotherBody>(await _keys.Take(request with { BodyHash = "another" }, default));
    }

    [Fact]
    public async Task A_completed_request_is_answered_again_until_its_retention_ends()
    {
        var request = Request("body");
        var response = new StoredResponse(201, "application/json", "/api/things/1", "\"1\"", "{\"id\":1}"u8.ToArray());
        await _keys.Take(request, default);
        await _keys.Complete(request, response, default);

        var repeat = Assert.IsType<IdempotencyClaim.Answered>(await _keys.Take(request, default));
        Assert.Equal(201, repeat.Response.Status);
        Assert.Equal("/api/things/1", repeat.Response.Location);
        Assert.Equal("\"1\"", repeat.Response.ETag);
        Assert.Equal(response.Body, repeat.Response.Body);
        Assert.IsType<IdempotencyClaim.ReusedWithAnotherBody>(await _keys.Take(request with { BodyHash = "another" }, default));

        _clock.Advance(Settings.Retention);
        Assert.IsType<IdempotencyClaim.Taken>(await _keys.Take(request with { BodyHash = "another" }, default));
    }

    [Fact]
    public async Task A_released_key_or_an_abandoned_one_can_be_taken_again()
    {
        var released = Request("released");
        var abandoned = Request("abandoned");
        await _keys.Take(released, default);
        await _keys.Take(abandoned, default);

        await _keys.Release(released, default);
        Assert.IsType<IdempotencyClaim.Taken>(await _keys.Take(released, default));

        _clock.Advance(Settings.InProgressLease - TimeSpan.FromSeconds(1));
        Assert.IsType<IdempotencyClaim.StillRunning>(await _keys.Take(abandoned, default));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<IdempotencyClaim.Taken>(await _keys.Take(abandoned, default));
    }

    [Fact]
    public async Task Keys_are_scoped_to_caller_method_and_path()
    {
        var request = Request("body");

        Assert.IsType<IdempotencyClaim.Taken>(await _keys.Take(request, default));
        Assert.IsType<IdempotencyClaim.Taken>(await _keys.Take(request with { Caller = "someone-else" }, default));
        Assert.IsType<IdempotencyClaim.Taken>(await _keys.Take(request with { Path = "/api/other" }, default));
    }

    [Fact]
    public async Task Of_many_racing_requests_with_one_key_exactly_one_takes_it()
    {
        var request = Request("racing");

        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => _keys.Take(request, default))));

        Assert.Single(claims, c => c is IdempotencyClaim.Taken);
        Assert.All(claims.Where(c => c is not IdempotencyClaim.Taken), c => Assert.IsType<IdempotencyClaim.StillRunning>(c));
    }

    private static IdempotentRequest Request(string bodyHash) =>
        new("caller-1", "POST", "/api/things", Guid.NewGuid().ToString(), bodyHash);
}
