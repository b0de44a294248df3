using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Migration.ServiceDefaults.Telemetry;

namespace Migration.ServiceDefaults.Problems;

/// <summary>
/// Turns every exception that reaches the pipeline into problem details: refusals keep their status and code,
/// optimistic-concurrency failures become 412, unreadable bodies 400, an unreachable database 503, and anything else a
/// 500 without internals.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationProblemException v => Problem(v.Status, v.Code, v.Title, v.Detail, new Dictionary<string, object?> { ["errors"] = v.Errors.Errors }),
            ProblemException p => Problem(p.Status, p.Code, p.Title, p.Detail, p.Extensions),
            ConcurrencyException => Problem(
                StatusCodes.Status412PreconditionFailed, ProblemCodes.VersionMismatch, "The resource has changed",
                "Someone else changed this resource since you read it. Read it again and retry.", null),
            Marten.Exceptions.ExistingStreamIdCollisionException or DocumentAlreadyExistsException => Problem(
                StatusCodes.Status409Conflict, ProblemCodes.ConcurrentUpdate, "Created concurrently",
                "Someone else created this resource at the same moment. Read it and retry if still needed.", null),
            BadHttpRequestException bad => Problem(bad.StatusCode, ProblemCodes.MalformedRequest, "The request could not be read", bad.Message, null),
            _ when DependencyUnavailable.Is(exception) => Unavailable(httpContext, exception),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Route}", httpContext.Request.Method, httpContext.RouteTemplate());
            problem = Problem(StatusCodes.Status500InternalServerError, ProblemCodes.Internal, "An unexpected error occurred", null, null);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>The service's database is unreachable or restarting: the client may try again shortly (with the same idempotency key).</summary>
    private ProblemDetails Unavailable(HttpContext httpContext, Exception exception)
    {
        logger.LogWarning("{Method} {Route} found a dependency unavailable: {Reason}", httpContext.Request.Method, httpContext.RouteTemplate(), exception.Message);
        httpContext.Response.Headers.RetryAfter = DependencyUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status503ServiceUnavailable, ProblemCodes.Unavailable, "Service temporarily unavailable",
            "A server this service depends on does not answer right now. Try again shortly, with the same Idempotency-Key.", null);
    }

    private static ProblemDetails Problem(int status, string code, string title, string? detail, IDictionary<string, object?>? extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return problem;
    }
}
