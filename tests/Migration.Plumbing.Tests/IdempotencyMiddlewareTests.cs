using System.Security.Claims;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Idempotency;

namespace Migration.Plumbing.Tests;

/// <summary>
/// Cancels a request's token as soon as its idempotency key is committed: the request then cannot open its own
/// transaction, as when the client goes away or the database stops answering between the two.
/// </summary>
public sealed class AbortAfterKeyTaken : DocumentSessionListenerBase
{
    private CancellationTokenSource? armed;

    public void Arm(CancellationTokenSource request) => armed = request;

    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.Inserted.OfType<IdempotencyRecord>().Any() && Interlocked.Exchange(ref armed, null) is { } request)
            await request.CancelAsync();
    }
}

/// <summary>
/// A request that took its key but could not start gives the key back: a retry runs, instead of being told "still
/// running" for as long as the process lives (the key's lease used to be renewed from before the transaction opened,
/// and nothing stopped the renewals on that path).
/// </summary>
public sealed class IdempotencyMiddlewareTests : IAsyncLifetime
{
    private const string Caller = "caller-1";
    private static readonly byte[] Body = "{\"name\":\"a thing\"}"u8.ToArray();
    private readonly AbortAfterKeyTaken _abort = new();
    private ConsumerHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ConsumerHost.Start("idempotency-middleware", _ => { }, services => services.ConfigureMarten(options => options.Listeners.Add(_abort)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_request_whose_transaction_cannot_open_gives_its_key_back()
    {
        var settings = new IdempotencySettings();
        var keys = new IdempotencyStore(_host.Host.Services.GetRequiredService<IDocumentStore>(), TimeProvider.System, settings);
        var ran = false;
        var middleware = new IdempotencyMiddleware(_ =>
        {
            ran = true;
            return Task.CompletedTask;
        }, keys, settings);
        var key = Guid.NewGuid().ToString();
        using var aborted = new CancellationTokenSource();
        _abort.Arm(aborted);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => middleware.InvokeAsync(Post(key, aborted.Token)));

        Assert.False(ran);
        using var body = new MemoryStream(Body);
        var retry = new IdempotentRequest(Caller, "POST", "/api/things", key, await IdempotentRequest.HashBody(body, default));
        Assert.IsType<IdempotencyClaim.Taken>(await keys.Take(retry, default));
    }

    private static DefaultHttpContext Post(string key, CancellationToken aborted)
    {
        var context = new DefaultHttpContext { RequestAborted = aborted };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/api/things";
        context.Request.Headers[IdempotencyMiddleware.HeaderName] = key;
        context.Request.Body = new MemoryStream(Body);
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new System.Security.Claims.Claim(ClaimNames.ClientId, Caller)], "test"));
        return context;
    }
}
