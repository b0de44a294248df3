using Microsoft.AspNetCore.Builder;

namespace Migration.ServiceDefaults.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>The store of idempotency keys, in the service's event store (<c>AddEventStore</c> calls this).</summary>
    public static IHostApplicationBuilder AddIdempotencyKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(IdempotencySettings.Section).Get<IdempotencySettings>() ?? new IdempotencySettings());
        builder.Services.AddSingleton<IdempotencyStore>();
        return builder;
    }

    /// <summary>
    /// Honours <c>Idempotency-Key</c> on POSTs in every service with an event store (<c>UseServiceDefaults</c> calls
    /// this); the gateway has none and passes the header on to the service that owns the resource.
    /// </summary>
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.ApplicationServices.GetService<IServiceProviderIsService>()?.IsService(typeof(IdempotencyStore)) == true
            ? app.UseMiddleware<IdempotencyMiddleware>()
            : app;
}
