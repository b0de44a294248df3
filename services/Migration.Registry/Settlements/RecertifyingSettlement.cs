using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Registry.Settlements.Scoring;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Settlements;

/// <summary>
/// A registry clerk recertifies a settlement with newer indicators (<c>If-Match</c> required). Every certification
/// stays in the history; a changed class is published as a reclassification.
/// </summary>
public static class RecertifyingSettlement
{
    public static async Task<Results<Ok<SettlementResponse>, ProblemHttpResult>> Handle(
        string kato, PassportRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (passport, errors) = PassportValidation.Validate(request, kato);
        if (passport is null) return errors.ToProblem();
        user.EnsureCovers(passport.Kato.Oblast);
        var expected = http.RequiredVersion();

        var (place, edition) = await SettlementSlices.Classify(session, passport.Kato, cancellationToken);
        var now = clock.GetUtcNow();
        var model = await session.InForce(DateOnly.FromDateTime(now.UtcDateTime), clock, cancellationToken);
        var stream = await session.Events.FetchForWriting<Settlement>(kato, expected, cancellationToken);
        var current = stream.Aggregate ?? throw ProblemException.NotFound(GettingSettlement.NotCertified, $"No settlement with KATO code {kato} is certified.");
        stream.AppendMany(CertificationDecision.Recertify(current, passport, place, edition, model, user.CallerId(), now));
        await session.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(SettlementResponse.From(await GettingSettlement.Load(session, kato, http.HttpContext.Response, cancellationToken)));
    }
}
