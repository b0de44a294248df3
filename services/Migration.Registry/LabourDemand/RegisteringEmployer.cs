using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Registry.Kato;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.LabourDemand;

/// <summary>
/// A registry clerk or an employer's integrator registers an employer under its BIN, once. Employers are national:
/// registering one needs no oblast scope; declaring its vacancies does.
/// </summary>
public static class RegisteringEmployer
{
    /// <summary>(Named uniquely: the OpenAPI document names schemas by the type name alone, nesting ignored.)</summary>
    public sealed record EmployerRequest(string? Bin, string? Name, string? Kato);

    public static async Task<Results<Created<EmployerResponse>, ProblemHttpResult>> Handle(
        EmployerRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var bin = LabourDemandValidation.ValidateBin("bin", request.Bin, errors);
        var name = LabourDemandValidation.ValidateText("name", request.Name, LabourDemandValidation.MaxName, errors);
        var kato = string.IsNullOrWhiteSpace(request.Kato) ? null : LabourDemandValidation.ValidateKato("kato", request.Kato.Trim(), errors, settlement: false);
        if (!errors.IsEmpty) return errors.ToProblem();
        if (kato is { } code) await EnsureInClassifier(session, code.Value, cancellationToken);

        var key = bin!.Value.Value;
        var stream = await session.Events.FetchForWriting<Employer>(key, cancellationToken);
        var registered = LabourDemandDecision.Register(stream.Aggregate, key, name!, kato?.Value, user.CallerId(), clock.GetUtcNow());
        stream.AppendOne(registered);
        await session.SaveChangesAsync(cancellationToken);

        var employer = new EmployerProjection().Create(registered) with { Version = 1 };
        return TypedResults.Created($"/api/registry/employers/{key}", EmployerResponse.From(employer));
    }

    /// <summary>The head office's place must exist in the current classifier edition (any level below the oblast).</summary>
    private static async Task EnsureInClassifier(IQuerySession session, string kato, CancellationToken cancellationToken)
    {
        var edition = await session.CurrentEdition(cancellationToken)
            ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "kato.no-edition", "No classifier loaded",
                "No edition of the KATO classifier is loaded yet.");
        if (await session.LoadAsync<KatoEntry>(KatoEntry.KeyOf(edition.Id, kato), cancellationToken) is null)
            throw new ValidationProblemException(new ValidationErrors().Add("kato", "kato.not-in-classifier",
                $"{kato} is not in the {edition.Id} edition of the KATO classifier."));
    }
}
