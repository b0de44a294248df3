using Migration.ServiceDefaults.Importing;

namespace Migration.Registry.Importing;

/// <summary>
/// Runs an import job of settlements or households over its file (see <see cref="ImportJobs{TJob}"/>). The worker runs
/// it for uploaded files; the benchmark calls it in-process.
/// </summary>
public sealed class ImportProcessor(ImportJobs<ImportJob> jobs) : IImportProcessor<ImportJob>
{
    public Task<ImportJob> Run(ImportJob job, Stream csv, CancellationToken cancellationToken, Action<ImportJob>? afterBatch = null) =>
        jobs.Run(job, csv, ImportFormat.Of(job.Kind),
            (run, reader, columns, token) => job.Kind == ImportKind.Settlements
                ? ImportingSettlements.Run(run, reader, columns, token)
                : ImportingHouseholds.Run(run, reader, columns, token),
            cancellationToken, afterBatch);
}
