using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Migration.Gateway.Proxy;

/// <summary>A service behind the gateway is ready when its own <c>/health/ready</c> answers 200.</summary>
internal sealed class ServiceReadinessCheck(Uri service, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "readiness";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(new Uri(service, "/health/ready"), cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{service} answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{service} does not answer.", exception);
        }
    }
}
