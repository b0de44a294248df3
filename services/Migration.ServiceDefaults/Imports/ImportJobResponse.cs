namespace Migration.ServiceDefaults.Importing;

/// <summary>An import job as the API shows it: what was submitted, where it stands, and its counters (rows of the file).</summary>
public sealed record ImportJobResponse<TKind>(
    Guid Id,
    TKind Kind,
    ImportStatus Status,
    string FileName,
    long FileBytes,
    string SubmittedBy,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    long RowsRead,
    long Accepted,
    long Rejected,
    long AlreadyPresent,
    string? Error)
    where TKind : struct, Enum
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Services name it through their alias: ImportJobResponse.From(job).")]
    public static ImportJobResponse<TKind> From(ImportJob<TKind> j) => new(
        j.Id, j.Kind, j.Status, j.FileName, j.FileBytes, j.SubmittedBy, j.SubmittedAt, j.StartedAt, j.FinishedAt,
        j.RowsRead, j.Accepted, j.Rejected, j.AlreadyPresent, j.Error);
}
