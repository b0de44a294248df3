using Microsoft.Net.Http.Headers;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Http;

/// <summary>
/// The stream version travels as a strong ETag (<c>"7"</c>) on reads and comes back in <c>If-Match</c> on updates,
/// so a stale update is answered 412 instead of overwriting someone else's change.
/// </summary>
public static class StreamVersions
{
    public static void SetETag(this HttpResponse response, long version) =>
        response.Headers.ETag = new EntityTagHeaderValue($"\"{version}\"").ToString();

    /// <summary>The version the caller expects, from <c>If-Match</c>; 428 when the caller sent none.</summary>
    public static long RequiredVersion(this HttpRequest request) =>
        request.ExpectedVersion() ?? throw new ProblemException(StatusCodes.Status428PreconditionRequired, ProblemCodes.PreconditionRequired,
            "If-Match is required", "Send the ETag you read in If-Match, so that a change made meanwhile is not overwritten.");

    /// <summary>The version the caller expects, from <c>If-Match</c>; null when the header is absent.</summary>
    public static long? ExpectedVersion(this HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return null;
        var value = header.Trim().TrimStart('W', '/').Trim('"');
        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new ProblemException(StatusCodes.Status400BadRequest, ProblemCodes.MalformedRequest,
                "If-Match is not a version", "If-Match must carry the ETag of the resource, e.g. \"3\".");
    }
}
