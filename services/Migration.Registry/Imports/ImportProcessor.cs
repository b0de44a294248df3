using Marten;
using Microsoft.Extensions.Options;
using Migration.ServiceDefaults.Importing;

namespace Migration.Registry.Importing;

/// <summary>
/// Runs an import job over its file, from where a previous run stored up to, and ends it completed or failed. The worker
/// runs it for uploaded files; the benchmark calls it in-process.
/// </summary>
public sealed class ImportProcessor(IDocumentStore store, IOptions<ImportOptions> options, TimeProvider clock)
{
    /// <summary>The job as stored when it ended. <paramref name="afterBatch"/> sees the job's progress after every stored batch.</summary>
    public async Task<ImportJob> Run(ImportJob job, Stream csv, CancellationToken cancellationToken, Action<ImportJob>? afterBatch = null)
    {
        job = job with { Status = ImportStatus.Running, StartedAt = job.StartedAt ?? clock.GetUtcNow() };
        await Save(job, cancellationToken);
        var run = new ImportRun(store, job, options.Value, clock, afterBatch);
        try
        {
            using var reader = await CsvReader.Open(csv, cancellationToken) ?? throw new ImportFailedException("The file is empty.");
            var (columns, problem) = CsvColumns.Match(reader.Header, ImportFormat.Of(job.Kind));
            if (columns is null) throw new ImportFailedException(problem!);
            if (job.Kind == ImportKind.Settlements) await ImportingSettlements.Run(run, reader, columns, cancellationToken);
            else await ImportingHouseholds.Run(run, reader, columns, cancellationToken);
            return await Finish(run.Job, ImportStatus.Completed, null, cancellationToken);
        }
        catch (Exception stop) when (stop is ImportFailedException or CsvFormatException)
        {
            return await Finish(run.Job, ImportStatus.Failed, stop.Message, cancellationToken);
        }
    }

    /// <summary>Ends a job as <paramref name="status"/>, keeping the progress it stored.</summary>
    public async Task<ImportJob> Finish(ImportJob job, ImportStatus status, string? error, CancellationToken cancellationToken)
    {
        var finished = job with { Status = status, FinishedAt = clock.GetUtcNow(), Error = error };
        await Save(finished, cancellationToken);
        return finished;
    }

    private async Task Save(ImportJob job, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(job);
        await session.SaveChangesAsync(cancellationToken);
    }
}
