using System.Linq.Expressions;
using Migration.ServiceDefaults.Importing;

namespace Migration.Registry.Importing;

public enum ImportKind
{
    Settlements,
    Households,
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
/// Counters count data rows; <see cref="AlreadyPresent"/> rows were in the registry before (or earlier in the file).
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
    string? Error = null) : IImportJob<ImportJob>
{
    public static Expression<Func<ImportJob, bool>> Unfinished => j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running;

    public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed;

    string? IImportJob<ImportJob>.Failure => Error;

    public ImportJob Running(DateTimeOffset now) => this with { Status = ImportStatus.Running, StartedAt = StartedAt ?? now };

    public ImportJob Counted(ImportBatch batch) => this with
    {
        RowsRead = RowsRead + batch.RowsRead,
        Accepted = Accepted + batch.Accepted,
        Rejected = Rejected + batch.Rejected,
        AlreadyPresent = AlreadyPresent + batch.AlreadyPresent,
        ResumeAfterLine = Math.Max(ResumeAfterLine, batch.LastLine),
    };

    public ImportJob Ended(string? failure, DateTimeOffset now) =>
        this with { Status = failure is null ? ImportStatus.Completed : ImportStatus.Failed, FinishedAt = now, Error = failure };
}
