using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Settlements;

/// <summary>Anyone on the program's staff reads a certified settlement by its KATO code.</summary>
public static class GettingSettlement
{
    public const string NotCertified = "settlement.not-found";

    public static async Task<Ok<SettlementResponse>> Handle(string kato, IQuerySession session, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(SettlementResponse.From(await Load(session, kato, response, cancellationToken)));

    /// <summary>The settlement as stored, with its version set as the response's ETag.</summary>
    public static async Task<Settlement> Load(IQuerySession session, string kato, HttpResponse response, CancellationToken cancellationToken)
    {
        var settlement = await session.LoadAsync<Settlement>(kato, cancellationToken)
            ?? throw ProblemException.NotFound(NotCertified, $"No settlement with KATO code {kato} is certified.");
        response.SetETag(settlement.Version);
        return settlement;
    }
}
