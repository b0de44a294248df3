using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Destinations;

public static class DestinationEndpoints
{
    public const string NotKnown = "settlement.not-found";

    public static RouteGroupBuilder MapDestinations(this RouteGroupBuilder api)
    {
        api.MapGet("/settlements/{kato}", GetSettlement)
            .RequireRoles(Roles.Staff)
            .WithTags("Destinations")
            .WithName("GetDestinationSettlement")
            .WithSummary("Read a certified settlement as the housing side knows it");
        return api;
    }

    private static async Task<Ok<DestinationSettlement>> GetSettlement(string kato, IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok(await session.LoadAsync<DestinationSettlement>(kato, cancellationToken)
            ?? throw ProblemException.NotFound(NotKnown, $"No certified settlement with KATO code {kato} has reached the housing service."));
}
