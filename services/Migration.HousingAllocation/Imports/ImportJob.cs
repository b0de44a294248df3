namespace Migration.HousingAllocation.Importing;

public enum ImportKind
{
    Units,
}

public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// An import of a CSV file, and its progress: saved after every batch, in the batch's own transaction, so the counters
/// always match what was stored and a job interrupted by a restart resumes after <see cref="ResumeAfterLine"/>.
/// Counters count data rows; <see cref="AlreadyPresent"/> units were registered before (or earlier in the file).
/// </summary>
public sealed record ImportJob(
    Guid Id,
    ImportKind Kind,
    ImportStatus Status,
    string FileName,
    long FileBytes,
    string SubmittedBy,
    string? OblastScope,
    string? CorrelationId,
    string Host,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    long RowsRead = 0,
    long Accepted = 0,
    long Rejected = 0,
    long AlreadyPresent = 0,
    int ResumeAfterLine = 0,
    string? Error = null)
{
    public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed;
}

/// <summary>
/// Why one row of an import was refused: its line in the file, the column, a stable code and a message. Messages never
/// carry an IIN or a name. The id orders a job's rejections by line (the key of the paged list).
/// </summary>
public sealed record ImportRejection(string Id, Guid JobId, int Line, string Field, string Code, string Message)
{
    public static string KeyOf(Guid jobId, int line, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{jobId:N}/{line:D10}/{index:D3}");
}
