using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Registry.Settlements;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.LabourDemand;

/// <summary>A vacancy is closed (filled, withdrawn …) with a reason (If-Match required); a closed vacancy never changes again.</summary>
public static class ClosingVacancy
{
    public sealed record CloseVacancyRequest(string? Reason);

    public static async Task<Results<Ok<VacancyResponse>, ProblemHttpResult>> Handle(
        Guid id, CloseVacancyRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reason = LabourDemandValidation.ValidateReason(request.Reason, errors);
        if (!errors.IsEmpty) return errors.ToProblem();
        var expected = http.RequiredVersion();

        var known = await GettingVacancy.Find(session, id, cancellationToken);
        user.EnsureCovers(known.Oblast);
        var elsewhere = await session.LockElsewhere(known.SettlementKato, known.Occupation, known.Id, cancellationToken);
        var stream = await session.Events.FetchForWriting<Vacancy>(known.Id, expected, cancellationToken);
        stream.AppendOne(LabourDemandDecision.Close(stream.Aggregate!, reason!, elsewhere, user.CallerId(), clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(VacancyResponse.Of(await GettingVacancy.Load(session, id, http.HttpContext.Response, cancellationToken)));
    }
}
