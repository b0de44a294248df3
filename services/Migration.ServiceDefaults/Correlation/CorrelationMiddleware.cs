using System.Diagnostics;
using Microsoft.AspNetCore.Builder;

namespace Migration.ServiceDefaults.Correlation;

/// <summary>
/// Carries <c>X-Correlation-Id</c>: taken from the request when a caller (or the gateway) sent one, created otherwise,
/// returned on every response, added to the log scope and the current trace.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    public const string ItemKey = "correlation-id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = Read(context.Request.Headers[HeaderName]) ?? Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = correlationId;
        context.Request.Headers[HeaderName] = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", correlationId);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
            await next(context);
    }

    private static string? Read(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? null
            : value;
}

public static class CorrelationExtensions
{
    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) => app.UseMiddleware<CorrelationMiddleware>();

    public static string? CorrelationId(this HttpContext context) =>
        context.Items.TryGetValue(CorrelationMiddleware.ItemKey, out var value) ? value as string : null;
}
