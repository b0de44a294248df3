using MassTransit;
using Migration.ServiceDefaults.Health;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>The connection string of the RabbitMQ broker (an amqp:// URI, with the virtual host as its path).</summary>
    public const string ConnectionName = "rabbitmq";

    /// <summary>
    /// MassTransit over RabbitMQ for one service: quorum queues named in kebab case after the service and the consumer,
    /// retries at growing intervals and then the <c>_error</c> queue, and one place for consumer concurrency.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var settings = builder.Configuration.GetSection(MessagingSettings.Section).Get<MessagingSettings>() ?? new MessagingSettings();
        var broker = new Uri(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured."));
        var nodes = BrokerNodes.From(builder.Configuration);
        builder.Services.AddSingleton(settings);

        builder.Services.AddMassTransit(bus =>
        {
            var names = new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false);
            bus.SetEndpointNameFormatter(names);
            consumers?.Invoke(bus);

            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                // A batch consumer's endpoint holds whole batches in flight: room for them, or the batches stay small.
                var inFlight = context.GetServices<BatchEndpoint>().Any(b => b.Name(names) == name)
                    ? BatchConsumers.MessageLimit * BatchConsumers.ConcurrencyLimit
                    : settings.ConcurrentMessageLimit;
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                    rabbit.PrefetchCount = Math.Max(settings.PrefetchCount, inFlight);
                }

                endpoint.ConcurrentMessageLimit = inFlight;
                endpoint.UseRetryWhileDependencyUnavailable(settings);   // outermost: waits out a database restart
                endpoint.UseMessageRetry(retry =>
                {
                    // Not the database being unreachable: that is the outer retry's. A retry filter that gives up marks the
                    // message as retried, and an outer one then gives up at once too (MassTransit's nested retries): had
                    // these quick retries taken a restart too, the message would have gone to its error queue in a second.
                    retry.Ignore<Exception>(DependencyUnavailable.Is);
                    retry.Intervals(settings.EffectiveRetryIntervals);
                });
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker, host =>
                {
                    host.ConnectionName(serviceName);
                    nodes.Apply(host);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(15);
        });
        builder.Services.Configure<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Tags.Contains("masstransit")))
                registration.Tags.Add(HealthExtensions.Ready);
        });
        return builder;
    }
}
