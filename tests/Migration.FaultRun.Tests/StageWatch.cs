using System.Text.RegularExpressions;

namespace Migration.FaultRun.Tests;

/// <summary>
/// The driver's log, read as it is written: the driver prints one line per finished stage (<c>[cases ] 3.1 s …</c>),
/// so the stage after the last finished one is the stage running now. The fault script waits on it.
/// </summary>
public sealed partial class StageWatch : StringWriter
{
    /// <summary>The driver's stages in order (deploy/Migration.Program/Driver/ProgramDriver.cs).</summary>
    public static readonly IReadOnlyList<string> Stages =
    [
        "staff", "settlements", "budgets+quotas", "labour demand", "housing stock", "households", "cases", "late housing",
        "moves", "payments", "bank", "returns", "reissued", "bank again", "closure",
    ];

    private readonly Lock gate = new();
    private int finished;

    /// <summary>How many stages have finished.</summary>
    public int Finished
    {
        get
        {
            lock (gate) return finished;
        }
    }

    /// <summary>When each stage finished, by name.</summary>
    public Dictionary<string, DateTimeOffset> FinishedAt { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="stage"/> has started (every stage before it finished).</summary>
    public bool HasStarted(string stage) => Finished >= Index(stage);

    public static int Index(string stage) =>
        Stages.ToList().IndexOf(stage) is var i and >= 0 ? i : throw new ArgumentException($"No stage {stage}.", nameof(stage));

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value is null || StageLine().Match(value) is not { Success: true } match) return;
        lock (gate)
        {
            FinishedAt[match.Groups[1].Value.Trim()] = DateTimeOffset.UtcNow;
            finished++;
        }
    }

    [GeneratedRegex(@"^\[([^\]]+)\]\s+[0-9.]+ s ")]
    private static partial Regex StageLine();
}
