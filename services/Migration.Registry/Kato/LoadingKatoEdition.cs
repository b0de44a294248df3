using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Kato;

/// <summary>
/// Loads an edition of the national classifier: a dated dataset, loadable again when a new edition comes.
/// The 2022 edition ships with the registry and is loaded at first start.
/// </summary>
public static class LoadingKatoEdition
{
    public const string BundledEdition = "2022-10-17";
    private const int BatchSize = 2_000;

    public static async Task<Results<Created<KatoEdition>, ProblemHttpResult>> Handle(
        string edition, HttpRequest request, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(edition, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var publishedOn))
            return new ValidationErrors().Add("edition", "kato.edition-format", "'edition' must be the edition's date, yyyy-MM-dd.").ToProblem();
        try
        {
            var loaded = await Load(store, publishedOn, request.Body, user.CallerId(), clock, cancellationToken);
            return TypedResults.Created($"/api/registry/kato-editions/{loaded.Id}", loaded);
        }
        catch (FormatException error)
        {
            return new ValidationErrors().Add("file", "kato.file-format", error.Message).ToProblem();
        }
    }

    public static async Task<KatoEdition> Load(IDocumentStore store, DateOnly publishedOn, Stream csv, string loadedBy, TimeProvider clock, CancellationToken cancellationToken)
    {
        var edition = publishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var batch = new List<KatoEntry>(BatchSize);
        int objects = 0, settlements = 0;
        await foreach (var row in KatoCsv.Read(csv, cancellationToken))
        {
            if (KatoCode.Validate(row.Code) != KatoValidation.Valid)
                throw new FormatException($"Line {row.LineNumber}: '{row.Code}' is not a KATO code.");
            parents[row.Id] = row.Code;
            var entry = new KatoEntry(KatoEntry.KeyOf(edition, row.Code), edition, row.Code, row.Name,
                parents.GetValueOrDefault(row.ParentId), KatoEntry.LevelOf(row.Code));
            batch.Add(entry);
            objects++;
            if (entry.Level == KatoLevel.Settlement) settlements++;
            if (batch.Count == BatchSize) await Store(store, batch, cancellationToken);
        }

        // The newest edition becomes the current one: a file without settlements would empty the classifier for everyone.
        if (settlements == 0) throw new FormatException("The file has no settlements: not loaded.");
        await Store(store, batch, cancellationToken);
        var loaded = new KatoEdition(edition, publishedOn, objects, settlements, loadedBy, clock.GetUtcNow());
        await using var session = store.LightweightSession();
        session.Store(loaded);
        await session.SaveChangesAsync(cancellationToken);
        return loaded;
    }

    private static async Task Store(IDocumentStore store, List<KatoEntry> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0) return;
        await using var session = store.LightweightSession();
        session.Store<KatoEntry>(batch);
        await session.SaveChangesAsync(cancellationToken);
        batch.Clear();
    }
}
