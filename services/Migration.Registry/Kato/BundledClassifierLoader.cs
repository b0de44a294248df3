using Marten;
using Migration.Registry.Kato;

namespace Migration.Registry.Kato;

/// <summary>At start-up, loads the classifier edition that ships with the registry when no edition is loaded yet.</summary>
internal sealed class BundledClassifierLoader(IDocumentStore store, TimeProvider clock, ILogger<BundledClassifierLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var session = store.QuerySession())
            if (await session.CurrentEdition(cancellationToken) is not null) return;

        var file = Path.Combine(AppContext.BaseDirectory, "Reference", $"kato-{LoadingKatoEdition.BundledEdition}-ru.csv");
        await using var csv = File.OpenRead(file);
        var edition = await LoadingKatoEdition.Load(store, DateOnly.Parse(LoadingKatoEdition.BundledEdition, System.Globalization.CultureInfo.InvariantCulture),
            csv, "system", clock, cancellationToken);
        logger.LogInformation("Loaded KATO edition {Edition}: {Objects} objects, {Settlements} settlements", edition.Id, edition.Objects, edition.Settlements);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
