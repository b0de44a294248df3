using Microsoft.Extensions.Options;
using Migration.ServiceDefaults.Importing;

namespace Migration.HousingAllocation.Importing;

/// <summary>
/// Runs an import job of housing units over its file (see <see cref="ImportJobs{TJob}"/>). The worker runs it for
/// uploaded files; tests may call it in-process.
/// </summary>
public sealed class ImportProcessor(ImportJobs<ImportJob> jobs, IOptions<Allocation.HousingSettings> housing) : IImportProcessor<ImportJob>
{
    public Task<ImportJob> Run(ImportJob job, Stream csv, CancellationToken cancellationToken, Action<ImportJob>? afterBatch = null) =>
        jobs.Run(job, csv, ImportFormat.Of(job.Kind),
            (run, reader, columns, token) => ImportingUnits.Run(run, reader, columns, housing.Value.ReservationPeriod, token), cancellationToken, afterBatch);
}
