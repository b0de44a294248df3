namespace Migration.ServiceDefaults.Idempotency;

/// <summary>
/// Keeps a running request's key taken: renews its lease every third of the lease until disposed. When the process
/// dies, the renewals stop and the key is free again once the lease runs out, so a client's retry is not refused for long.
/// </summary>
internal sealed class IdempotencyLease : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;
    private bool stopped;

    public IdempotencyLease(IdempotencyStore keys, IdempotentRequest request, TimeSpan lease) =>
        renewing = Renew(keys, request, lease / 3, stop.Token);

    private static async Task Renew(IdempotencyStore keys, IdempotentRequest request, TimeSpan every, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await keys.Renew(request, stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database is unreachable for a moment: the next tick tries again; the request itself will see it too.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (stopped) return;
        stopped = true;
        await stop.CancelAsync();
        await renewing;
        stop.Dispose();
    }
}
