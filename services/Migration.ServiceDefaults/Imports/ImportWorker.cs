using Marten;
using Microsoft.Extensions.Options;

namespace Migration.ServiceDefaults.Importing;

/// <summary>
/// Imports uploaded files one job at a time. At start-up it takes back the jobs a stop or crash interrupted on this host:
/// a job whose file is still spooled resumes after the last batch it stored; one whose file is gone ends failed.
/// A job's spool file is deleted when the job ends.
/// </summary>
public sealed class ImportWorker<TJob>(
    IDocumentStore store, PendingImports pending, IImportProcessor<TJob> processor, ImportJobs<TJob> jobs, IOptions<ImportOptions> options, TimeProvider clock,
    ILogger<ImportWorker<TJob>> logger)
    : BackgroundService
    where TJob : class, IImportJob<TJob>
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Recover(stoppingToken);
        await foreach (var jobId in pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await Process(jobId, stoppingToken);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                // The store is unreachable even to record the failure: the job stays unfinished and resumes at the next start.
                logger.LogError(failure, "Import {JobId} could not be ended", jobId);
            }
        }
    }

    private async Task Process(Guid jobId, CancellationToken stoppingToken)
    {
        TJob? job;
        await using (var session = store.QuerySession()) job = await session.LoadAsync<TJob>(jobId, stoppingToken);
        if (job is null || job.IsFinished) return;

        var file = options.Value.SpoolFile(jobId);
        if (!File.Exists(file))
        {
            await jobs.Finish(job, "The uploaded file was lost before it was imported; upload it again.", stoppingToken);
            return;
        }

        try
        {
            await using (var csv = ImportSpool.Open(file))
                job = await processor.Run(job, csv, stoppingToken);
            logger.LogInformation("Import {JobId} {Status}: {Rows} rows, {Accepted} accepted, {Rejected} rejected, {AlreadyPresent} already present",
                job.Id, job.Failure is null ? "completed" : "failed", job.RowsRead, job.Accepted, job.Rejected, job.AlreadyPresent);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the job stays running and resumes at the next start, so its file stays too.
            return;
        }
        catch (Exception failure)
        {
            // Store and CSV errors carry no row values (PostgreSQL error details are not requested), so the log holds no personal data.
            logger.LogError(failure, "Import {JobId} stopped", jobId);
            await using (var session = store.QuerySession()) job = await session.LoadAsync<TJob>(jobId, stoppingToken) ?? job;
            await jobs.Finish(job,
                $"The import stopped after line {job.ResumeAfterLine} on an internal error ({failure.GetType().Name}); the rows up to there are stored. " +
                "Submit the file again to import the rest: stored rows count as already present.", stoppingToken);
        }

        File.Delete(file);
    }

    private async Task Recover(CancellationToken stoppingToken)
    {
        var startedAt = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<TJob> unfinished;
        await using (var session = store.QuerySession())
        {
            unfinished = await session.Query<TJob>()
                .Where(TJob.Unfinished)
                .OrderBy(j => j.SubmittedAt)
                .ToListAsync(stoppingToken);
        }

        var mine = unfinished.Where(j => j.Host == Environment.MachineName).ToList();
        foreach (var job in mine)
        {
            if (File.Exists(options.Value.SpoolFile(job.Id))) pending.Enqueue(job.Id);
            else await jobs.Finish(job, "The uploaded file was lost (the service restarted); upload it again.", stoppingToken);
        }

        if (mine.Count > 0) logger.LogInformation("Resuming {Count} unfinished imports", mine.Count);
        ImportSpool.DeleteOrphans(options.Value.SpoolDirectory, unfinished.Select(j => j.Id).ToHashSet(), startedAt);
    }
}
