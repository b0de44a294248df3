using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.ServiceDefaults.Importing;

namespace Migration.Registry.Importing;

/// <summary>
/// A clerk or an integrator uploads a CSV file to import: spooled, its header checked, and queued as a job (see
/// <see cref="SubmittingImports"/>); 202 with the job and its Location.
/// </summary>
public static class SubmittingImport
{
    public static Task<Results<Accepted<ImportJobResponse>, ProblemHttpResult>> Settlements(
        HttpContext http, string? fileName, ClaimsPrincipal user, IDocumentSession session, PendingImports pending, IOptions<ImportOptions> options,
        TimeProvider clock, CancellationToken cancellationToken) =>
        Submit(ImportKind.Settlements, http, fileName, user, session, pending, options.Value, clock, cancellationToken);

    public static Task<Results<Accepted<ImportJobResponse>, ProblemHttpResult>> Households(
        HttpContext http, string? fileName, ClaimsPrincipal user, IDocumentSession session, PendingImports pending, IOptions<ImportOptions> options,
        TimeProvider clock, CancellationToken cancellationToken) =>
        Submit(ImportKind.Households, http, fileName, user, session, pending, options.Value, clock, cancellationToken);

    private static Task<Results<Accepted<ImportJobResponse>, ProblemHttpResult>> Submit(
        ImportKind kind, HttpContext http, string? fileName, ClaimsPrincipal user, IDocumentSession session, PendingImports pending, ImportOptions options,
        TimeProvider clock, CancellationToken cancellationToken) =>
        SubmittingImports.Submit(kind.ToString(), ImportFormat.Of(kind), http, fileName, user, session, pending, options, clock,
            u => new ImportJob(u.Id, kind, ImportStatus.Queued, u.FileName, u.FileBytes, u.SubmittedBy, u.OblastScope, u.CorrelationId, u.Host, u.SubmittedAt),
            job => TypedResults.Accepted($"/api/registry/imports/{job.Id}", ImportJobResponse.From(job)), cancellationToken);
}
