using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Registry.Settlements;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Importing;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Importing;

/// <summary>
/// Reading an import: the job with its counters (poll it for progress), its rejections a page at a time in line
/// order, or all of them as a CSV download streamed page by page. A job submitted within an oblast is read within it.
/// </summary>
public static class GettingImport
{
    public const string NotFound = "import.not-found";

    public static async Task<Ok<ImportJobResponse>> Job(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok(ImportJobResponse.From(await Load(session, id, user, cancellationToken)));

    public static async Task<Ok<Page<RejectionResponse>>> Rejections(
        Guid id, int? limit, string? continuationToken, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        await Load(session, id, user, cancellationToken);
        return await ImportRejections.Page(id, limit, continuationToken, session, cancellationToken);
    }

    public static async Task<PushStreamHttpResult> RejectionsCsv(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        await Load(session, id, user, cancellationToken);
        return ImportRejections.Csv(id, session, cancellationToken);
    }

    private static async Task<ImportJob> Load(IQuerySession session, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var job = await session.LoadAsync<ImportJob>(id, cancellationToken) ?? throw ProblemException.NotFound(NotFound, $"No import {id}.");
        user.EnsureCovers(job.OblastScope ?? "");
        return job;
    }
}
