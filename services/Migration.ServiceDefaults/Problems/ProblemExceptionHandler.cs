using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Migration.ServiceDefaults.Telemetry;

namespace Migration.ServiceDefaults.Problems;

/// <summary>
/// Turns every exception that reaches the pipeline into problem details: refusals keep their status and code,
/// optimistic-concurrency failures become 412, unreadable bodies 400, and anything else a 500 without internals.
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

    private static ProblemDetails Problem(int status, string code, string title, string? detail, IDictionary<string, object?>? extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return problem;
    }
}
