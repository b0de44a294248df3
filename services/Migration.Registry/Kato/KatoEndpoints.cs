using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Kato;

public static class KatoEndpoints
{
    public static RouteGroupBuilder MapKatoClassifier(this RouteGroupBuilder api)
    {
        var kato = api.MapGroup("/kato").WithTags("KATO classifier");
        kato.MapGet("/editions", async (IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok(await session.Query<KatoEdition>().OrderByDescending(e => e.PublishedOn).ToListAsync(ct)))
            .RequireRoles(Roles.Staff)
            .WithSummary("The loaded editions of the classifier, newest (current) first");
        kato.MapPost("/editions/{edition}", LoadingKatoEdition.Handle)
            .RequireRoles(Roles.Admin, Roles.RegistryClerk)
            .Accepts<string>("text/csv")
            .DisableAntiforgery()
            .WithSummary("Load an edition of the classifier from the statistics office's CSV file (id;parent_id;code;name)");
        kato.MapGet("/{code}", GetEntry)
            .RequireRoles(Roles.Staff)
            .WithSummary("Look a code up in the current edition, with its rural okrug and district");
        return api;
    }

    private static async Task<Ok<KatoClassifier.Place>> GetEntry(string code, IQuerySession session, CancellationToken cancellationToken)
    {
        var edition = await session.CurrentEdition(cancellationToken)
            ?? throw ProblemException.NotFound("kato.no-edition", "No edition of the classifier is loaded.");
        return TypedResults.Ok(code.Length == 9 && await session.FindPlace(edition.Id, code, cancellationToken) is { } place
            ? place
            : throw ProblemException.NotFound("kato.unknown", $"{code} is not in the {edition.Id} edition of the classifier."));
    }
}
