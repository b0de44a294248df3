using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Correlation;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Importing;

/// <summary>What an accepted upload gives its service's new job: the id, the file, the submitter and when.</summary>
public sealed record ImportUpload(
    Guid Id, string FileName, long FileBytes, string SubmittedBy, string? OblastScope, string? CorrelationId, string Host, DateTimeOffset SubmittedAt);

/// <summary>
/// A CSV file uploaded to import. The body streams to a spool file (never into memory, and with no size limit on these
/// endpoints), the header is checked at once, and the job is queued: 202 with its Location. With an
/// <c>Idempotency-Key</c>, a repeated upload answers with the job the first one created.
/// </summary>
public static class SubmittingImports
{
    public const string UnsupportedMediaType = "import.unsupported-media-type";
    public const string EmptyFile = "import.empty-file";
    public const string BadHeader = "import.header";
    public const string InProgress = "import.upload-in-progress";
    private const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxFileName = 200;
    private static readonly string[] MediaTypes = ["text/csv", "application/octet-stream"];

    /// <summary>
    /// Takes an upload of <paramref name="kind"/> (in <paramref name="format"/>): <paramref name="create"/> makes the
    /// service's job document of it, <paramref name="accepted"/> answers with a job, new or the one an earlier upload
    /// with the same <c>Idempotency-Key</c> created.
    /// </summary>
    public static async Task<Results<Accepted<TResponse>, ProblemHttpResult>> Submit<TJob, TResponse>(
        string kind, IImportFormat format, HttpContext http, string? fileName, ClaimsPrincipal user, IDocumentSession session, PendingImports pending,
        ImportOptions options, TimeProvider clock, Func<ImportUpload, TJob> create, Func<TJob, Accepted<TResponse>> accepted,
        CancellationToken cancellationToken)
        where TJob : notnull
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType) ||
            !MediaTypes.Contains(mediaType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "Send a CSV file",
                Detail = $"The body must be the CSV file, sent as {string.Join(" or ", MediaTypes)}.",
                Extensions = { ["code"] = UnsupportedMediaType },
            });
        }

        var id = IdFor(kind, http.Request, user, clock);
        if (await session.LoadAsync<TJob>(id, cancellationToken) is { } earlier) return accepted(earlier);

        var file = options.SpoolFile(id);
        var bytes = await Spool(http, file, cancellationToken);
        try
        {
            if (await CheckHeader(file, format, cancellationToken) is { } refused)
            {
                File.Delete(file);
                return refused.ToProblem();
            }

            var job = create(new ImportUpload(id, NameOf(fileName, http.Request, kind), bytes, user.CallerId(),
                user.FindFirstValue(ClaimNames.Oblast), http.CorrelationId(), Environment.MachineName, clock.GetUtcNow()));
            session.Insert(job);
            await session.SaveChangesAsync(cancellationToken);
            // A request with an idempotency key commits after this handler returns (with its stored answer): the worker
            // is told of the job once the answer has gone out, when the job is surely committed.
            http.Response.OnCompleted(() =>
            {
                pending.Enqueue(id);
                return Task.CompletedTask;
            });
            return accepted(job);
        }
        catch
        {
            File.Delete(file);
            throw;
        }
    }

    /// <summary>Copies the body to the spool file as it arrives; the file's length. Nothing is left behind when the upload fails.</summary>
    private static async Task<long> Spool(HttpContext http, string file, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        FileStream spool;
        try
        {
            spool = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        }
        catch (IOException) when (File.Exists(file))
        {
            spool = TakeOverAbandoned(file);
        }

        try
        {
            await using (spool) await http.Request.Body.CopyToAsync(spool, 1 << 16, cancellationToken);
            return new FileInfo(file).Length;
        }
        catch
        {
            File.Delete(file);
            throw;
        }
    }

    /// <summary>
    /// The spool file of an upload with the same key exists. While its upload runs, the process receiving it holds the
    /// file open exclusively (an advisory lock the operating system drops when the process ends): then this upload
    /// answers 409. A file nobody holds was left by an instance that died in the middle of the upload (SIGKILL, a crash);
    /// without its job, nothing will ever read it, so this upload takes it over and writes it anew.
    /// </summary>
    private static FileStream TakeOverAbandoned(string file)
    {
        try
        {
            var spool = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            spool.SetLength(0);
            return spool;
        }
        catch (IOException)
        {
            throw ProblemException.Conflict(InProgress, "An upload with this Idempotency-Key is still arriving; read its job once it is accepted.");
        }
    }

    /// <summary>Refuses at once a file the worker could not import at all: empty, or with a header of unknown or missing columns.</summary>
    private static async Task<ValidationErrors?> CheckHeader(string file, IImportFormat format, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        using var csv = await CsvReader.Open(stream, cancellationToken);
        if (csv is null) return new ValidationErrors().Add("file", EmptyFile, "The file is empty; the first line must be the header.");
        var (_, problem) = CsvColumns.Match(csv.Header, format);
        return problem is null ? null : new ValidationErrors().Add("header", BadHeader, problem);
    }

    /// <summary>A new time-ordered id, or, with an <c>Idempotency-Key</c>, an id derived from the caller, the kind and the key.</summary>
    private static Guid IdFor(string kind, HttpRequest request, ClaimsPrincipal user, TimeProvider clock)
    {
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        if (string.IsNullOrWhiteSpace(key)) return Guid.CreateVersion7(clock.GetUtcNow());
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"import\n{kind}\n{user.CallerId()}\n{key.Trim()}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: a name-based id of our own
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    private static string NameOf(string? fileName, HttpRequest request, string kind)
    {
        var name = fileName;
        if (string.IsNullOrWhiteSpace(name) && ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition))
            name = (disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value?.Trim('"');
        name = string.IsNullOrWhiteSpace(name) ? $"{kind.ToLowerInvariant()}.csv" : Path.GetFileName(name.Trim());
        return name.Length > MaxFileName ? name[..MaxFileName] : name;
    }
}
