using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.Gateway.Edge;

/// <summary>
/// A fixed window of requests per client: the token's subject (or client id) when the caller is authenticated, the
/// remote IP address otherwise. Health probes are never limited (the orchestrator must always see the truth). A
/// refused request gets 429 with <c>Retry-After</c> and problem details with the code <c>rate-limited</c>.
/// </summary>
public static class ClientRateLimits
{
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, RateLimitSettings settings)
    {
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context) is { } client
                ? RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = settings.Window,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty));
            options.OnRejected = Refuse;
        });
        return services;
    }

    private static string? Partition(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health") ? null
        : context.User.Identity?.IsAuthenticated == true ? "client:" + context.User.CallerId()
        : "ip:" + context.Connection.RemoteIpAddress;

    private static async ValueTask Refuse(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = "This client has made too many requests. Wait for the time given in Retry-After, then retry.",
            Extensions = { ["code"] = ProblemCodes.TooManyRequests },
        };
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
