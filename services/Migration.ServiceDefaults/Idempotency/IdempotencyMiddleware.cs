using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Idempotency;

/// <summary>
/// A POST or PUT carrying <c>Idempotency-Key</c> runs at most once per caller, path and key: a repeat with the same body gets the
/// first answer again (status, body, <c>Location</c>, <c>ETag</c>), a repeat with another body 422, and a repeat while
/// the first still runs 409. The request runs in a transaction of its own (<see cref="IdempotentTransaction"/>) that its
/// effects and its stored answer commit in together. Server errors roll back and release the key so that a retry runs again. A running request renews its
/// key's lease, so the key of a request whose process died is free again once the lease runs out. Runs after
/// authorization, so only authorised requests take keys and the caller is known.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore keys, IdempotencySettings settings)
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Set on an answer that repeats the first one, so a client can tell (as Stripe and others do).</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!(HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)) || context.Request.Headers[HeaderName] is not [{ } key])
        {
            await next(context);
            return;
        }

        if (key.Length is 0 or > MaxKeyLength || !key.All(c => c is >= '!' and <= '~'))
            throw new ProblemException(StatusCodes.Status400BadRequest, ProblemCodes.IdempotencyKeyInvalid, "Invalid idempotency key",
                $"{HeaderName} must be 1 to {MaxKeyLength} visible ASCII characters.");

        var aborted = context.RequestAborted;
        context.Request.EnableBuffering();
        var bodyHash = await IdempotentRequest.HashBody(context.Request.Body, aborted);
        context.Request.Body.Position = 0;
        var request = new IdempotentRequest(context.User.CallerId(), context.Request.Method, context.Request.Path.Value ?? "/", key, bodyHash);

        switch (await keys.Take(request, aborted))
        {
            case IdempotencyClaim.Answered answered:
                await Replay(context, answered.Response);
                return;
            case IdempotencyClaim.ReusedWithAnotherBody:
                throw new ProblemException(StatusCodes.Status422UnprocessableEntity, ProblemCodes.IdempotencyKeyReused, "Idempotency key reused",
                    $"This {HeaderName} was already used for a request with another body. Use a new key for a new request.");
            case IdempotencyClaim.StillRunning:
                throw new ProblemException(StatusCodes.Status409Conflict, ProblemCodes.IdempotencyInProgress, "Request in progress",
                    $"A request with this {HeaderName} is still running. Retry later to get its answer.");
        }

        await RunOnce(context, request);
    }

    private async Task RunOnce(HttpContext context, IdempotentRequest request)
    {
        var client = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        await using var transaction = await BeginOrRelease(request, context.RequestAborted);
        // The lease is renewed only while the request runs: one left renewing (a transaction that never opened) would
        // hold the key for good, and every retry would be told the request is still running.
        var lease = new IdempotencyLease(keys, request, settings.InProgressLease);
        context.Features.Set(transaction);
        try
        {
            await next(context);
        }
        catch (Exception failure)
        {
            var connectionLost = transaction.ConnectionLost && !DependencyUnavailable.Is(failure);
            await lease.DisposeAsync();
            await transaction.DisposeAsync(); // rolls the request's effects back
            await ReleaseIfReachable(request);
            if (connectionLost) throw new DatabaseConnectionLostException(failure);
            throw;
        }
        finally
        {
            await lease.DisposeAsync();
            context.Response.Body = client;
            context.Features.Set<IdempotentTransaction>(null);
        }

        var response = context.Response;
        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            // A server error keeps nothing (its effects roll back): a retry runs again.
            await ReleaseIfReachable(request);
        }
        else
        {
            // The answer commits with the effects. One too large to keep is kept without its body: a retry gets the
            // status, Location and ETag (and reads the resource there), and never runs the request a second time.
            var kept = captured.Length <= settings.MaxStoredResponseBytes;
            try
            {
                await keys.Complete(request, new StoredResponse(response.StatusCode, kept ? response.ContentType : null,
                    response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                    kept ? captured.ToArray() : []), transaction, CancellationToken.None);
            }
            catch (Exception failure) when (transaction.ConnectionLost && !DependencyUnavailable.Is(failure))
            {
                throw new DatabaseConnectionLostException(failure);
            }
        }

        captured.Position = 0;
        await captured.CopyToAsync(client, context.RequestAborted);
    }

    /// <summary>Opens the request's transaction; when it cannot be opened (the client went away, the database is unreachable), gives the key back first.</summary>
    private async Task<IdempotentTransaction> BeginOrRelease(IdempotentRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await keys.Begin(cancellationToken);
        }
        catch
        {
            await ReleaseIfReachable(request);
            throw;
        }
    }

    /// <summary>
    /// Gives the key back so that a retry runs again. With the database gone too, the key stays taken only until its
    /// lease (no longer renewed) runs out; the request's own failure is what the client is told.
    /// </summary>
    private async Task ReleaseIfReachable(IdempotentRequest request)
    {
        try
        {
            await keys.Release(request, CancellationToken.None);
        }
        catch (Exception e) when (DependencyUnavailable.Is(e))
        {
        }
    }

    private static async Task Replay(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.Status;
        if (stored.ContentType is not null) response.ContentType = stored.ContentType;
        if (stored.Location is not null) response.Headers.Location = stored.Location;
        if (stored.ETag is not null) response.Headers.ETag = stored.ETag;
        response.Headers[ReplayedHeaderName] = "true";
        if (stored.Body.Length > 0) await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }
}
