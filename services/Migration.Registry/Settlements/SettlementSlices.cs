using System.Security.Claims;
using Marten;
using Migration.Identifiers;
using Migration.Registry.Kato;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Settlements;

/// <summary>What the settlement slices share: the classifier look-up and the oblast scope.</summary>
internal static class SettlementSlices
{
    public static async Task<(KatoClassifier.Place Place, string Edition)> Classify(IQuerySession session, KatoCode kato, CancellationToken cancellationToken)
    {
        var edition = await session.CurrentEdition(cancellationToken)
            ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "kato.no-edition", "No classifier loaded",
                "No edition of the KATO classifier is loaded yet.");
        var place = await session.FindPlace(edition.Id, kato.Value, cancellationToken);
        return place is not null
            ? (place, edition.Id)
            : throw new ValidationProblemException(new ValidationErrors().Add("kato", "kato.not-in-classifier",
                $"{kato} is not a settlement in the {edition.Id} edition of the KATO classifier."));
    }

    public static void EnsureCovers(this ClaimsPrincipal user, string oblast)
    {
        if (!user.CoversOblast(oblast))
            throw new ProblemException(StatusCodes.Status403Forbidden, "auth.oblast-scope", "Outside your oblast",
                $"Your account does not cover oblast {oblast}.");
    }
}
