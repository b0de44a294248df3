using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Marten;
using Migration.Registry;
using Migration.Registry.Importing;

namespace Migration.Benchmarks;

/// <summary>
/// The registry's own service registrations (<c>AddRegistry</c>), built but never started: the document store is
/// configured exactly as in the registry process, and no hosted service runs (no async daemon, no event forwarder, no
/// bus, no import worker), so the benchmark needs PostgreSQL only.
/// </summary>
public sealed class RegistryHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RegistryHost(WebApplication app) => _app = app;

    public IDocumentStore Store => _app.Services.GetRequiredService<IDocumentStore>();

    public ImportProcessor Processor => _app.Services.GetRequiredService<ImportProcessor>();

    public static async Task<RegistryHost> Create(string connectionString, int batchSize, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:events"] = connectionString,
            // Required by the registrations; never connected to, since the bus is not started.
            ["ConnectionStrings:rabbitmq"] = "amqp://guest:guest@127.0.0.1:1/",
            ["Imports:BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddRegistry();
        var host = new RegistryHost(builder.Build());
        await host.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return host;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
