namespace Migration.ServiceDefaults.Problems;

/// <summary>
/// A refusal the caller can act on, answered as RFC 9457 problem details with a stable <see cref="Code"/>.
/// Thrown by decisions and endpoints; never used for bugs.
/// </summary>
public class ProblemException(int status, string code, string title, string? detail = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    public static ProblemException NotFound(string code, string detail) => new(StatusCodes.Status404NotFound, code, "Not found", detail);

    public static ProblemException Conflict(string code, string detail) => new(StatusCodes.Status409Conflict, code, "Conflict", detail);

    public static ProblemException PreconditionFailed(string detail) =>
        new(StatusCodes.Status412PreconditionFailed, ProblemCodes.VersionMismatch, "The resource has changed", detail);
}
