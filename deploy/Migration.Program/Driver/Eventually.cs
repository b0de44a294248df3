namespace Migration.ProgramRun.Driver;

/// <summary>
/// Waits for what another service learns by events: asks again with a growing pause (50 ms up to 1 s) until the
/// answer comes or the time is up. Never a fixed sleep: the run goes on as soon as the condition holds.
/// </summary>
public static class Eventually
{
    public static TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public static async Task<T> Get<T>(Func<Task<T?>> probe, string what, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTimeOffset.UtcNow > deadline) throw new ProgramRunException($"Timed out waiting for {what}.");
            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromMilliseconds(Math.Min(1000, pause.TotalMilliseconds * 1.5));
        }
    }

    public static async Task True(Func<Task<bool>> probe, string what, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        await Get(async () => await probe() ? "yes" : null, what, cancellationToken, timeout);
    }
}
