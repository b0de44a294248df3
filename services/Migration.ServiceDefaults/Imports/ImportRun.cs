using System.Runtime.CompilerServices;
using Marten;
using Migration.Identifiers;

namespace Migration.ServiceDefaults.Importing;

/// <summary>
/// One run of a job: the store, the job's progress as last stored, and the batch being gathered. A batch is stored in
/// one transaction with the job's new counters and its rejections, so progress never runs ahead of the data.
/// </summary>
public sealed class ImportRun<TJob>(IDocumentStore store, TJob job, ImportOptions options, TimeProvider clock, Action<TJob>? afterBatch)
    where TJob : class, IImportJob<TJob>
{
    public const string FieldCount = "csv.field-count";
    public const string OutsideScope = "auth.oblast-scope";

    public IDocumentStore Store => store;

    public TimeProvider Clock => clock;

    public int BatchSize => Math.Max(1, options.BatchSize);

    public TJob Job { get; private set; } = job;

    public ImportBatch Batch { get; private set; } = new(job.Id);

    /// <summary>A session whose events carry the submitter and the correlation of the upload.</summary>
    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession();
        session.LastModifiedBy = Job.SubmittedBy;
        session.CorrelationId = Job.CorrelationId;
        return session;
    }

    /// <summary>Whether the submitter's oblast scope covers <paramref name="oblast"/>.</summary>
    public bool Covers(string oblast) => Job.OblastScope == Oblasts.All || string.Equals(Job.OblastScope, oblast, StringComparison.Ordinal);

    /// <summary>The data records after the line a previous run of the job stored up to (those are passed to <paramref name="skipped"/>).</summary>
    public async IAsyncEnumerable<CsvRecord> Records(CsvReader csv, [EnumeratorCancellation] CancellationToken cancellationToken, Action<CsvRecord>? skipped = null)
    {
        var resumeAfter = Job.ResumeAfterLine;
        while (await csv.Read(cancellationToken) is { } record)
        {
            if (record.Line > resumeAfter) yield return record;
            else skipped?.Invoke(record);
        }
    }

    /// <summary>False, with the row rejected, when the record has not as many fields as the header.</summary>
    public bool WellFormed(CsvRecord record, CsvColumns columns)
    {
        if (record.Fields.Length == columns.Count) return true;
        Batch.Reject(record.Line, "", FieldCount, $"The line has {record.Fields.Length} fields; the header has {columns.Count}.");
        return false;
    }

    /// <summary>Adds the batch's rejections and the job's new progress to <paramref name="session"/>.</summary>
    public void Stage(IDocumentSession session)
    {
        foreach (var rejection in Batch.Rejections) session.Store(rejection);
        session.Store(Next());
    }

    /// <summary>Stores the batch with the job's progress in one transaction, and starts the next batch.</summary>
    public async Task Commit(IDocumentSession session, CancellationToken cancellationToken)
    {
        Stage(session);
        await session.SaveChangesAsync(cancellationToken);
        Advance();
    }

    /// <summary>The batch was stored: its counts join the job's, and the next batch starts.</summary>
    public void Advance()
    {
        Job = Next();
        Batch = new ImportBatch(Job.Id);
        afterBatch?.Invoke(Job);
    }

    private TJob Next() => Job.Counted(Batch);
}
