namespace Migration.ServiceDefaults.Importing;

/// <summary>How imports run: bound from the <c>Imports</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Where uploads wait for the worker (one file per job, deleted when the job ends).</summary>
    public string SpoolDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "migration-imports");

    /// <summary>Rows' entities (settlements, households, units) stored per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    public string SpoolFile(Guid jobId) => Path.Combine(SpoolDirectory, $"{jobId:N}.csv");
}
