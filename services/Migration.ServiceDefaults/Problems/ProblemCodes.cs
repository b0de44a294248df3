namespace Migration.ServiceDefaults.Problems;

/// <summary>Problem codes shared by every service. Service-specific codes live with the slice that raises them.</summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "validation.failed";
    public const string MalformedRequest = "request.malformed";
    public const string Unauthenticated = "auth.unauthenticated";
    public const string Forbidden = "auth.forbidden";
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string VersionMismatch = "concurrency.version-mismatch";
    public const string ConcurrentUpdate = "concurrency.conflict";
    public const string PreconditionRequired = "concurrency.if-match-required";
    public const string PayloadTooLarge = "request.too-large";
    public const string TooManyRequests = "rate-limited";
    public const string Unavailable = "service.unavailable";
    public const string IdempotencyKeyInvalid = "idempotency.key-invalid";
    public const string IdempotencyKeyReused = "idempotency.key-reused";
    public const string IdempotencyInProgress = "idempotency.in-progress";
    public const string Internal = "internal.error";

    /// <summary>The code for a status that carries no more specific one.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => MalformedRequest,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => ConcurrentUpdate,
        412 => VersionMismatch,
        413 => PayloadTooLarge,
        428 => PreconditionRequired,
        429 => TooManyRequests,
        502 or 503 or 504 => Unavailable,
        _ when status >= 500 => Internal,
        _ => $"http.{status}",
    };
}
