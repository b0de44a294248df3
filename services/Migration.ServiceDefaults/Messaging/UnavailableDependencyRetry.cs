using MassTransit;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Messaging;

public static class UnavailableDependencyRetry
{
    /// <summary>
    /// Around the ordinary retries: a message whose handling failed because the service's database is unreachable
    /// (a restart, a fail-over) is tried again at growing intervals for as long as <see cref="MessagingSettings.UnavailableRetryIntervals"/>
    /// lasts, instead of going to the error queue after the few quick retries meant for real failures.
    /// </summary>
    public static void UseRetryWhileDependencyUnavailable(this IConsumePipeConfigurator endpoint, MessagingSettings settings) =>
        endpoint.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(DependencyUnavailable.Is);
            retry.Intervals(settings.UnavailableRetryIntervals);
        });
}
