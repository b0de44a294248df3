using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Migration.ServiceDefaults.Correlation;

namespace Migration.ServiceDefaults.Problems;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every error answer is RFC 9457 problem details carrying a stable <c>code</c>, the trace id and the correlation id.
    /// </summary>
    public static IServiceCollection AddProblemDetailsWithCodes(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Extensions.TryAdd("code", ProblemCodes.ForStatus(status));
            problem.Extensions.TryAdd("traceId", Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
            if (context.HttpContext.Items.TryGetValue(CorrelationMiddleware.ItemKey, out var correlation))
                problem.Extensions.TryAdd("correlationId", correlation);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>Exceptions and empty 4xx/5xx answers (401, 403, 404, 405 …) are written as problem details.</summary>
    public static IApplicationBuilder UseProblemDetailsForErrors(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseStatusCodePages();
}
