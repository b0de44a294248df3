using System.Linq.Expressions;

namespace Migration.ServiceDefaults.Importing;

/// <summary>
/// A service's import job document, as the shared machinery reads and advances it: saved after every batch, in the
/// batch's own transaction, so its counters always match what was stored and a job interrupted by a restart resumes
/// after <see cref="ResumeAfterLine"/>. The service keeps the document (with its own kinds and statuses).
/// </summary>
public interface IImportJob<TJob>
    where TJob : class, IImportJob<TJob>
{
    /// <summary>The jobs not finished yet: queued, or running when the service stopped.</summary>
    static abstract Expression<Func<TJob, bool>> Unfinished { get; }

    Guid Id { get; }

    string SubmittedBy { get; }

    string? OblastScope { get; }

    string? CorrelationId { get; }

    /// <summary>The host whose spool directory holds the job's file.</summary>
    string Host { get; }

    DateTimeOffset SubmittedAt { get; }

    long RowsRead { get; }

    long Accepted { get; }

    long Rejected { get; }

    long AlreadyPresent { get; }

    int ResumeAfterLine { get; }

    bool IsFinished { get; }

    /// <summary>Why the job failed; null while it runs and once it completed.</summary>
    string? Failure { get; }

    /// <summary>The job running (again), first started <paramref name="now"/> unless it started before.</summary>
    TJob Running(DateTimeOffset now);

    /// <summary>The job with a stored batch's counts added.</summary>
    TJob Counted(ImportBatch batch);

    /// <summary>The job ended <paramref name="now"/>: completed, or failed with <paramref name="failure"/>.</summary>
    TJob Ended(string? failure, DateTimeOffset now);
}
