using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.LabourDemand;

/// <summary>Anyone on the program's staff reads a registered employer by its BIN.</summary>
public static class GettingEmployer
{
    public const string NotRegistered = "employer.not-found";

    public static async Task<Ok<EmployerResponse>> Handle(string bin, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var employer = await session.LoadAsync<Employer>(bin, cancellationToken)
            ?? throw ProblemException.NotFound(NotRegistered, $"No employer with BIN {bin} is registered.");
        response.SetETag(employer.Version);
        return TypedResults.Ok(EmployerResponse.From(employer));
    }
}
