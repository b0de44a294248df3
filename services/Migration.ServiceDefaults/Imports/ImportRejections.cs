using System.Globalization;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Http;

namespace Migration.ServiceDefaults.Importing;

/// <summary>
/// The rejections of an import a page at a time in line order, or all of them as a CSV download streamed page by page.
/// The caller has loaded the job first, and so checked the reader may see it.
/// </summary>
public static class ImportRejections
{
    private const int DownloadPage = 1_000;

    public static async Task<Ok<Page<RejectionResponse>>> Page(Guid jobId, int? limit, string? continuationToken, IQuerySession session, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var rows = await Page(session, jobId, Paging.After(continuationToken), take + 1, cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, r => r.Id, RejectionResponse.From));
    }

    public static PushStreamHttpResult Csv(Guid jobId, IQuerySession session, CancellationToken cancellationToken) =>
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
