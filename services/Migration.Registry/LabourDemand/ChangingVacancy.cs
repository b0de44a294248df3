using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Registry.Settlements;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.LabourDemand;

/// <summary>The places, wage or period of an open vacancy change (If-Match required); employer, settlement and occupation do not.</summary>
public static class ChangingVacancy
{
    public sealed record VacancyTermsRequest(int? Places, decimal? MonthlyWage, DateOnly? From, DateOnly? To);

    public static async Task<Results<Ok<VacancyResponse>, ProblemHttpResult>> Handle(
        Guid id, VacancyTermsRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var terms = LabourDemandValidation.ValidateTerms(request.Places, request.MonthlyWage, request.From, request.To, errors);
        if (!errors.IsEmpty) return errors.ToProblem();
        var expected = http.RequiredVersion();

        var known = await GettingVacancy.Find(session, id, cancellationToken);
        user.EnsureCovers(known.Oblast);
        var elsewhere = await session.LockElsewhere(known.SettlementKato, known.Occupation, known.Id, cancellationToken);
        var stream = await session.Events.FetchForWriting<Vacancy>(known.Id, expected, cancellationToken);
        stream.AppendMany(LabourDemandDecision.Change(stream.Aggregate!, terms!, elsewhere, user.CallerId(), clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(VacancyResponse.Of(await GettingVacancy.Load(session, id, http.HttpContext.Response, cancellationToken)));
    }
}
