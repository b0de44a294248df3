using System.Globalization;
using System.Security.Claims;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Importing;

/// <summary>
/// Reading an import: the job with its counters (poll it for progress), its rejections a page at a time in line
/// order, or all of them as a CSV download streamed page by page. A job submitted within an oblast is read within it.
/// </summary>
public static class GettingImport
{
    public const string NotFound = "import.not-found";
    private const int DownloadPage = 1_000;

    public static async Task<Ok<ImportJobResponse>> Job(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok(ImportJobResponse.From(await Load(session, id, user, cancellationToken)));

    public static async Task<Ok<Page<RejectionResponse>>> Rejections(
        Guid id, int? limit, string? continuationToken, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        await Load(session, id, user, cancellationToken);
        var take = Paging.Limit(limit);
        var rows = await Page(session, id, Paging.After(continuationToken), take + 1, cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, r => r.Id, RejectionResponse.From));
    }

    public static async Task<PushStreamHttpResult> RejectionsCsv(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        await Load(session, id, user, cancellationToken);
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), 1 << 16);
            await writer.WriteAsync("line;field;code;message\n");
            string? after = null;
            while (true)
            {
                var page = await Page(session, id, after, DownloadPage, cancellationToken);
                foreach (var r in page)
                    await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{r.Line};{Quote(r.Field)};{Quote(r.Code)};{Quote(r.Message)}\n"));
                if (page.Count < DownloadPage) break;
                after = page[^1].Id;
                await writer.FlushAsync(cancellationToken);
            }
        }, "text/csv; charset=utf-8", $"import-{id}-rejections.csv");
    }

    private static async Task<ImportJob> Load(IQuerySession session, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var job = await session.LoadAsync<ImportJob>(id, cancellationToken) ?? throw ProblemException.NotFound(NotFound, $"No import {id}.");
        return job.OblastScope is null || user.CoversOblast(job.OblastScope) ? job : throw ProblemException.NotFound(NotFound, $"No import {id}.");
    }

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
