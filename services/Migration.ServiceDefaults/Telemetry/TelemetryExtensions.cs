using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Migration.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The activity source of the program's own spans (event forwarding, inbox).</summary>
    public const string ActivitySourceName = "Migration";

    /// <summary>
    /// Traces (ASP.NET Core, HttpClient, MassTransit, Marten, Npgsql), metrics and logs through OpenTelemetry.
    /// Exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured (the Aspire dashboard sets it).
    /// </summary>
    /// <summary>The route template that matched the request (<c>/api/registry/households/by-member/{iin}</c>), never the raw path.</summary>
    public static string RouteTemplate(this HttpContext context) =>
        context.GetEndpoint() is Microsoft.AspNetCore.Routing.RouteEndpoint endpoint ? "/" + endpoint.RoutePattern.RawText?.TrimStart('/') : "(unmatched)";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(ActivitySourceName)
                .AddSource("MassTransit")
                .AddSource("Marten")
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                    // Paths can carry personal data (an IIN in /households/by-member/{iin}): traces keep the route template only.
                    options.EnrichWithHttpResponse = (activity, response) =>
                    {
                        activity.SetTag("url.path", response.HttpContext.RouteTemplate());
                        activity.SetTag("url.query", null);
                    };
                })
                .AddHttpClientInstrumentation(options =>
                    // Outgoing calls (the gateway's forwarding) keep the host only: their paths may carry personal data.
                    options.EnrichWithHttpRequestMessage = (activity, request) =>
                        activity.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Authority)))
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter("MassTransit")
                .AddMeter("Marten")
                .AddMeter("Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }
}
