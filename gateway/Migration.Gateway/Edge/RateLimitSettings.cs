namespace Migration.Gateway.Edge;

/// <summary>
/// Requests each client may make per window (section <c>Gateway:RateLimits</c>). The defaults are generous: they stop a
/// runaway client, never a person or the test suite; an operator tightens them per environment.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "Gateway:RateLimits";

    public int PermitLimit { get; set; } = 1000;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}
