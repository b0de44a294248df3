using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Settlements;

public static class KnownSettlementEndpoints
{
    public const string NotKnown = "settlement.not-found";

    public static RouteGroupBuilder MapKnownSettlements(this RouteGroupBuilder api)
    {
        api.MapGet("/settlements/{kato}", GetSettlement)
            .RequireRoles(Roles.Staff)
            .WithTags("Settlements")
            .WithName("GetKnownSettlement")
            .WithSummary("Read a certified settlement as the case service knows it");
        return api;
    }

    private static async Task<Ok<KnownSettlement>> GetSettlement(string kato, IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok(await session.LoadAsync<KnownSettlement>(kato, cancellationToken)
            ?? throw ProblemException.NotFound(NotKnown, $"No certified settlement with KATO code {kato} has reached the case service."));
}
