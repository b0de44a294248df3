using System.Globalization;
using System.Security.Claims;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Importing;

/// <summary>
/// Reading an import: the job with its counters (poll it for progress), its rejections a page at a time in line
/// order, or all of them as a CSV download streamed page by page. A job submitted within an oblast is read within it.
/// </summary>
public static class GettingImports
{
    public const string NotFound = "import.not-found";
    private const int DownloadPage = 1_000;

    /// <summary>
    /// Maps <c>/{id}</c>, <c>/{id}/rejections</c> and <c>/{id}/rejections.csv</c> for staff, the operations named with
    /// <paramref name="names"/> (GetImport, ImportRejections, ImportRejectionsCsv with "" before "Import").
    /// <paramref name="authorize"/> refuses a reader the job's scope does not cover, by throwing a problem.
    /// </summary>
    public static RouteGroupBuilder MapImportJobs<TJob, TResponse>(
        this RouteGroupBuilder imports, string names, Func<TJob, TResponse> respond, Action<ClaimsPrincipal, TJob> authorize)
        where TJob : class, IImportJob<TJob>
    {
        imports.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
                TypedResults.Ok(respond(await Load(session, id, user, authorize, cancellationToken))))
            .RequireRoles(Roles.Staff)
            .WithName($"Get{names}Import").WithSummary("An import job with its progress: rows read, accepted, rejected, already present");
        imports.MapGet("/{id:guid}/rejections", async (Guid id, int? limit, string? continuationToken, ClaimsPrincipal user, IQuerySession session,
                CancellationToken cancellationToken) =>
            {
                await Load(session, id, user, authorize, cancellationToken);
                return await Page(id, limit, continuationToken, session, cancellationToken);
            })
            .RequireRoles(Roles.Staff)
            .WithName($"{names}ImportRejections").WithSummary("The rejected rows of an import in line order, paged");
        imports.MapGet("/{id:guid}/rejections.csv", async (Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
            {
                await Load(session, id, user, authorize, cancellationToken);
                return Csv(id, session, cancellationToken);
            })
            .RequireRoles(Roles.Staff)
            .WithName($"{names}ImportRejectionsCsv").WithSummary("All rejected rows of an import as a CSV download (line;field;code;message)");
        return imports;
    }

    private static async Task<TJob> Load<TJob>(IQuerySession session, Guid id, ClaimsPrincipal user, Action<ClaimsPrincipal, TJob> authorize, CancellationToken cancellationToken)
        where TJob : class, IImportJob<TJob>
    {
        var job = await session.LoadAsync<TJob>(id, cancellationToken) ?? throw ProblemException.NotFound(NotFound, $"No import {id}.");
        authorize(user, job);
        return job;
    }

    private static async Task<Ok<Page<RejectionResponse>>> Page(Guid jobId, int? limit, string? continuationToken, IQuerySession session, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var rows = await Page(session, jobId, Paging.After(continuationToken), take + 1, cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, r => r.Id, RejectionResponse.From));
    }

    private static PushStreamHttpResult Csv(Guid jobId, IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), 1 << 16);
            await writer.WriteAsync("line;field;code;message\n");
            string? after = null;
            while (true)
            {
                var page = await Page(session, jobId, after, DownloadPage, cancellationToken);
                foreach (var r in page)
                    await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{r.Line};{Quote(r.Field)};{Quote(r.Code)};{Quote(r.Message)}\n"));
                if (page.Count < DownloadPage) break;
                after = page[^1].Id;
                await writer.FlushAsync(cancellationToken);
            }
        }, "text/csv; charset=utf-8", $"import-{jobId}-rejections.csv");

    private static async Task<IReadOnlyList<ImportRejection>> Page(IQuerySession session, Guid id, string? after, int take, CancellationToken cancellationToken)
    {
        var query = session.Query<ImportRejection>().Where(r => r.JobId == id);
        if (after is not null) query = query.Where(r => r.Id.CompareTo(after) > 0);
        return await query.OrderBy(r => r.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>A CSV field, quoted when it holds the separator, a quote or a line break (RFC 4180).</summary>
    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
