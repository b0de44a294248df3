using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Migration.Gateway.Proxy;

/// <summary>
/// A service behind the gateway is ready when one of its instances (the destinations of its cluster) answers 200 on
/// its own <c>/health/ready</c>: the proxy's health checks route around the others.
/// </summary>
internal sealed class ServiceReadinessCheck(IReadOnlyList<Uri> instances, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "readiness";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var answers = await Task.WhenAll(instances.Select(instance => Ask(instance, cancellationToken)));
        return answers.Any(a => a is null)
            ? HealthCheckResult.Healthy(answers.Length == 1 ? null : $"{answers.Count(a => a is null)} of {answers.Length} instances ready.")
            : HealthCheckResult.Unhealthy(string.Join(" ", answers));
    }

    /// <summary>Null when the instance is ready, otherwise why not.</summary>
    private async Task<string?> Ask(Uri instance, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(new Uri(instance, "/health/ready"), cancellationToken);
            return response.IsSuccessStatusCode ? null : $"{instance} answered {(int)response.StatusCode}.";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return $"{instance} does not answer.";
        }
    }
}
