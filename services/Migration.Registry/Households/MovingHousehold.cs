using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Registry.Settlements;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Households;

/// <summary>The household now lives at another certified settlement (its relocation was confirmed).</summary>
public static class MovingHousehold
{
    public sealed record Request(string? ToKato, DateOnly? ArrivedOn, Guid? CaseId);

    public const string AlreadyThere = "household.already-there";

    public static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> Handle(
        Guid id, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.ToKato is null) errors.Add("toKato", "required", "'toKato' is required.");
        if (request.ArrivedOn is null) errors.Add("arrivedOn", "required", "'arrivedOn' is required.");
        if (!errors.IsEmpty) return errors.ToProblem();
        var expected = http.RequiredVersion();

        var destination = await session.LoadAsync<Settlement>(request.ToKato!, cancellationToken);
        if (destination is null)
            return errors.Add("toKato", RegisteringHousehold.SettlementNotCertified, $"Settlement {request.ToKato} is not certified.").ToProblem();
        var stream = await session.Events.FetchForWriting<Household>(id.ToString(), expected, cancellationToken);
        var household = stream.Aggregate ?? throw ProblemException.NotFound(GettingHousehold.NotFound, $"No household {id} is registered.");
        user.EnsureCovers(household.Oblast);
        stream.AppendOne(Decide(household, destination, request.ArrivedOn!.Value, request.CaseId));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(HouseholdResponse.From(await GettingHousehold.Load(session, id, http.HttpContext.Response, cancellationToken), user));
    }

    public static HouseholdMoved Decide(Household household, Settlement destination, DateOnly arrivedOn, Guid? caseId) =>
        household.SettlementKato == destination.Id
            ? throw ProblemException.Conflict(AlreadyThere, $"The household already lives in {destination.Id}.")
            : new HouseholdMoved(Guid.Parse(household.Id), household.SettlementKato, household.Oblast, destination.Id, destination.Oblast, arrivedOn, caseId);
}
