using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.LabourDemand;

/// <summary>Anyone on the program's staff reads a vacancy by its id; the ETag is its stream version.</summary>
public static class GettingVacancy
{
    public const string NotFound = "vacancy.not-found";

    public static async Task<Ok<VacancyResponse>> Handle(Guid id, IQuerySession session, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(VacancyResponse.Of(await Load(session, id, response, cancellationToken)));

    /// <summary>The vacancy as stored, with its version set as the response's ETag.</summary>
    public static async Task<Vacancy> Load(IQuerySession session, Guid id, HttpResponse response, CancellationToken cancellationToken)
    {
        var vacancy = await Find(session, id, cancellationToken);
        response.SetETag(vacancy.Version);
        return vacancy;
    }

    public static async Task<Vacancy> Find(IQuerySession session, Guid id, CancellationToken cancellationToken) =>
        await session.LoadAsync<Vacancy>(id.ToString(), cancellationToken)
            ?? throw ProblemException.NotFound(NotFound, $"No vacancy with id {id}.");
}
