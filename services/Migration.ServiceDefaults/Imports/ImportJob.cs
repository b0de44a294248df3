using System.Linq.Expressions;

namespace Migration.ServiceDefaults.Importing;

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
/// Counters count data rows; <see cref="AlreadyPresent"/> rows were in the service's data before (or earlier in the file).
/// <typeparamref name="TKind"/> is the service's enum of what it imports.
/// </summary>
public sealed record ImportJob<TKind>(
    Guid Id,
    TKind Kind,
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
    string? Error = null) : IImportJob<ImportJob<TKind>>
    where TKind : struct, Enum
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "The static member IImportJob<TJob> asks every job type for.")]
    public static Expression<Func<ImportJob<TKind>, bool>> Unfinished => j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running;

    public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed;

    string? IImportJob<ImportJob<TKind>>.Failure => Error;

    public ImportJob<TKind> Running(DateTimeOffset now) => this with { Status = ImportStatus.Running, StartedAt = StartedAt ?? now };

    public ImportJob<TKind> Counted(ImportBatch batch) => this with
    {
        RowsRead = RowsRead + batch.RowsRead,
        Accepted = Accepted + batch.Accepted,
        Rejected = Rejected + batch.Rejected,
        AlreadyPresent = AlreadyPresent + batch.AlreadyPresent,
        ResumeAfterLine = Math.Max(ResumeAfterLine, batch.LastLine),
    };

    public ImportJob<TKind> Ended(string? failure, DateTimeOffset now) =>
        this with { Status = failure is null ? ImportStatus.Completed : ImportStatus.Failed, FinishedAt = now, Error = failure };
}
