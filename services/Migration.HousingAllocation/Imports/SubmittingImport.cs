using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.ServiceDefaults.Importing;

namespace Migration.HousingAllocation.Importing;

/// <summary>
/// A housing officer uploads a CSV file to import: spooled, its header checked, and queued as a job (see
/// <see cref="SubmittingImports"/>); 202 with the job and its Location.
/// </summary>
public static class SubmittingImport
{
    public static Task<Results<Accepted<ImportJobResponse>, ProblemHttpResult>> Units(
        HttpContext http, string? fileName, ClaimsPrincipal user, IDocumentSession session, PendingImports pending, IOptions<ImportOptions> options,
        TimeProvider clock, CancellationToken cancellationToken) =>
        SubmittingImports.Submit(nameof(ImportKind.Units), ImportFormat.Units, http, fileName, user, session, pending, options.Value, clock,
            u => new ImportJob(u.Id, ImportKind.Units, ImportStatus.Queued, u.FileName, u.FileBytes, u.SubmittedBy, u.OblastScope, u.CorrelationId, u.Host, u.SubmittedAt),
            job => TypedResults.Accepted($"/api/housing/imports/{job.Id}", ImportJobResponse.From(job)), cancellationToken);
}
