using System.Security.Claims;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// A caseworker opens a relocation case for a registered household in its current settlement. One open case per
/// household, and no person in two open cases: the second answers 409 naming the other case.
/// </summary>
public static class OpeningCase
{
    public sealed record Request(Guid? HouseholdId);

    public const string HouseholdUnknown = "household.unknown";

    public static async Task<Results<Created<CaseResponse>, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<ServiceLevelTargets> targets,
        HttpResponse response, CancellationToken cancellationToken)
    {
        if (request.HouseholdId is not { } householdId)
            return new ValidationErrors().Add("householdId", "required", "'householdId' is required.").ToProblem();
        var household = await HouseholdSnapshots.Find(session, householdId, cancellationToken);
        if (household is null)
            return new ValidationErrors().Add("householdId", HouseholdUnknown, "No registered household with this id is known to the case service yet.").ToProblem();
        if (!user.CoversOblast(household.Oblast))
            throw new ProblemException(StatusCodes.Status403Forbidden, "auth.oblast-scope", "Outside your oblast", $"The household lives in oblast {household.Oblast}.");

        var iins = household.Members.Select(m => m.Iin).ToList();
        await CaseClaims.EnsureFree(session, householdId, iins, cancellationToken);
        var opened = CaseDecisions.Open(Guid.CreateVersion7(clock.GetUtcNow()), household, user.CallerId(), clock.Today(), targets.Value);
        session.Events.StartStream<CaseFile>(opened.CaseId, opened);
        foreach (var claim in CaseClaims.For(opened.CaseId, householdId, iins)) session.Insert(claim);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            await using var fresh = session.DocumentStore.QuerySession();
            await CaseClaims.EnsureFree(fresh, householdId, iins, cancellationToken);
            throw;
        }

        var created = await CaseSlices.Load(session, opened.CaseId, user, response, cancellationToken);
        return TypedResults.Created($"/api/cases/{opened.CaseId}", await CaseSlices.Respond(session, created, user, clock.Today(), cancellationToken));
    }
}
