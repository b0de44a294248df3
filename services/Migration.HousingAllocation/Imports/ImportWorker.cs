using Marten;
using Microsoft.Extensions.Options;

namespace Migration.HousingAllocation.Importing;

/// <summary>
/// Imports uploaded files one job at a time. At start-up it takes back the jobs a stop or crash interrupted on this host:
/// a job whose file is still spooled resumes after the last batch it stored; one whose file is gone ends failed.
/// A job's spool file is deleted when the job ends.
/// </summary>
public sealed class ImportWorker(
    IDocumentStore store, PendingImports pending, ImportProcessor processor, IOptions<ImportOptions> options, TimeProvider clock, ILogger<ImportWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan OrphanAge = TimeSpan.FromDays(1);

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
        ImportJob? job;
        await using (var session = store.QuerySession()) job = await session.LoadAsync<ImportJob>(jobId, stoppingToken);
        if (job is null || job.IsFinished) return;

        var file = options.Value.SpoolFile(jobId);
        if (!File.Exists(file))
        {
            await processor.Finish(job, ImportStatus.Failed, "The uploaded file was lost before it was imported; upload it again.", stoppingToken);
            return;
        }

        try
        {
            await using (var csv = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
                job = await processor.Run(job, csv, stoppingToken);
            logger.LogInformation("Import {JobId} of {Kind} {Status}: {Rows} rows, {Accepted} accepted, {Rejected} rejected, {AlreadyPresent} already present",
                job.Id, job.Kind, job.Status, job.RowsRead, job.Accepted, job.Rejected, job.AlreadyPresent);
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
            await using (var session = store.QuerySession()) job = await session.LoadAsync<ImportJob>(jobId, stoppingToken) ?? job;
            await processor.Finish(job, ImportStatus.Failed,
                $"The import stopped after line {job.ResumeAfterLine} on an internal error ({failure.GetType().Name}); the rows up to there are stored. " +
                "Submit the file again to import the rest: stored rows count as already present.", stoppingToken);
        }

        File.Delete(file);
    }

    private async Task Recover(CancellationToken stoppingToken)
    {
        var startedAt = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<ImportJob> unfinished;
        await using (var session = store.QuerySession())
        {
            unfinished = await session.Query<ImportJob>()
                .Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running)
                .OrderBy(j => j.SubmittedAt)
                .ToListAsync(stoppingToken);
        }

        var mine = unfinished.Where(j => j.Host == Environment.MachineName).ToList();
        foreach (var job in mine)
        {
            if (File.Exists(options.Value.SpoolFile(job.Id))) pending.Enqueue(job.Id);
            else await processor.Finish(job, ImportStatus.Failed, "The uploaded file was lost (the service restarted); upload it again.", stoppingToken);
        }

        if (mine.Count > 0) logger.LogInformation("Resuming {Count} unfinished imports", mine.Count);
        DeleteOrphans(unfinished.Select(j => j.Id).ToHashSet(), startedAt);
    }

    /// <summary>
    /// Spool files of no unfinished job, left by a crash during an upload. Only those a day old: instances with other
    /// databases on this host may share the directory, and their jobs' files are not in <paramref name="unfinished"/>.
    /// </summary>
    private void DeleteOrphans(HashSet<Guid> unfinished, DateTime now)
    {
        var before = now - OrphanAge;
        var directory = new DirectoryInfo(options.Value.SpoolDirectory);
        if (!directory.Exists) return;
        foreach (var file in directory.EnumerateFiles("*.csv"))
        {
            if (Guid.TryParseExact(Path.GetFileNameWithoutExtension(file.Name), "N", out var id) && !unfinished.Contains(id) && file.LastWriteTimeUtc < before)
                file.Delete();
        }
    }
}
