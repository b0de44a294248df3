namespace Migration.Benchmarks;

/// <summary>
/// A caller's token, asked for again once it is <see cref="MaxAge"/> old: tokens live 30 minutes, and a benchmark that
/// reads through a whole run at ten times stage 1 (an hour) would otherwise measure 401s for its second half.
/// </summary>
public sealed class RenewedToken(Func<Task<string>> request, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(20);

    private readonly SemaphoreSlim renewing = new(1, 1);
    private Held? current; // a reference, so that concurrent readers never see half of a renewal

    public async Task<string> Current()
    {
        if (Volatile.Read(ref current) is { } held && clock.GetUtcNow() - held.At < MaxAge) return held.Value;
        await renewing.WaitAsync();
        try
        {
            if (current is not { } fresh || clock.GetUtcNow() - fresh.At >= MaxAge)
                Volatile.Write(ref current, fresh = new Held(await request(), clock.GetUtcNow()));
            return fresh.Value;
        }
        finally
        {
            renewing.Release();
        }
    }

    public void Dispose() => renewing.Dispose();

    private sealed record Held(string Value, DateTimeOffset At);
}
