using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Registry.Settlements.Scoring;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;

namespace Migration.Registry.Settlements;

/// <summary>A registry clerk certifies a settlement: its passport, scored by the model in force.</summary>
public static class CertifyingSettlement
{
    public static async Task<Results<Created<SettlementResponse>, ProblemHttpResult>> Handle(
        PassportRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var (passport, errors) = PassportValidation.Validate(request);
        if (passport is null) return errors.ToProblem();
        user.EnsureCovers(passport.Kato.Oblast);

        var (place, edition) = await SettlementSlices.Classify(session, passport.Kato, cancellationToken);
        var now = clock.GetUtcNow();
        var model = await session.InForce(DateOnly.FromDateTime(now.UtcDateTime), clock, cancellationToken);
        var stream = await session.Events.FetchForWriting<Settlement>(passport.Kato.Value, cancellationToken);
        var events = CertificationDecision.Certify(stream.Aggregate, passport, place, edition, model, user.CallerId(), now);
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);

        var settlement = Settlement.From(((SettlementCertified)events[0]).Certification, 1) with { Version = events.Count };
        response.SetETag(settlement.Version);
        return TypedResults.Created($"/api/registry/settlements/{passport.Kato}", SettlementResponse.From(settlement));
    }
}
