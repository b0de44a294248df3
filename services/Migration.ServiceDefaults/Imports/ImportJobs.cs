using Marten;
using Microsoft.Extensions.Options;

namespace Migration.ServiceDefaults.Importing;

/// <summary>A service's runner of its import jobs: reads a job's file and stores what it holds (see <see cref="ImportJobs{TJob}.Run"/>).</summary>
public interface IImportProcessor<TJob>
    where TJob : class, IImportJob<TJob>
{
    /// <summary>The job as stored when it ended. <paramref name="afterBatch"/> sees the job's progress after every stored batch.</summary>
    Task<TJob> Run(TJob job, Stream csv, CancellationToken cancellationToken, Action<TJob>? afterBatch = null);
}

/// <summary>
/// Runs an import job over its file, from where a previous run stored up to, and ends it completed or failed; the
/// service's processor reads the rows of its kinds of file.
/// </summary>
public sealed class ImportJobs<TJob>(IDocumentStore store, IOptions<ImportOptions> options, TimeProvider clock)
    where TJob : class, IImportJob<TJob>
{
    /// <summary>The job as stored when it ended, having <paramref name="process"/> read the rows of its file, a <paramref name="format"/>.</summary>
    public async Task<TJob> Run(
        TJob job, Stream csv, IImportFormat format, Func<ImportRun<TJob>, CsvReader, CsvColumns, CancellationToken, Task> process,
        CancellationToken cancellationToken, Action<TJob>? afterBatch = null)
    {
        job = job.Running(clock.GetUtcNow());
        await Save(job, cancellationToken);
        var run = new ImportRun<TJob>(store, job, options.Value, clock, afterBatch);
        try
        {
            using var reader = await CsvReader.Open(csv, cancellationToken) ?? throw new ImportFailedException("The file is empty.");
            var (columns, problem) = CsvColumns.Match(reader.Header, format);
            if (columns is null) throw new ImportFailedException(problem!);
            await process(run, reader, columns, cancellationToken);
            return await Finish(run.Job, null, cancellationToken);
        }
        catch (Exception stop) when (stop is ImportFailedException or CsvFormatException)
        {
            return await Finish(run.Job, stop.Message, cancellationToken);
        }
    }

    /// <summary>Ends a job, completed or failed with <paramref name="error"/>, keeping the progress it stored.</summary>
    public async Task<TJob> Finish(TJob job, string? error, CancellationToken cancellationToken)
    {
        var finished = job.Ended(error, clock.GetUtcNow());
        await Save(finished, cancellationToken);
        return finished;
    }

    private async Task Save(TJob job, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(job);
        await session.SaveChangesAsync(cancellationToken);
    }
}
