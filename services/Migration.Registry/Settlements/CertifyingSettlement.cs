using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Settlements;

/// <summary>A registry clerk certifies a rural settlement: its KATO code, name, potential class and hazard flag.</summary>
public static class CertifyingSettlement
{
    public sealed record Request(string? Kato, string? Name, string? Oblast, string? PotentialClass, bool? EnvironmentalHazard);

    public sealed record Command(KatoCode Kato, string Name, PotentialClass PotentialClass, bool HasEnvironmentalHazard);

    public const string AlreadyCertified = "settlement.already-certified";

    /// <summary>The decision: a settlement is certified once; later changes are recertifications.</summary>
    public static SettlementCertified Decide(Settlement? current, Command command, string clerk, DateTimeOffset now) =>
        current is not null
            ? throw ProblemException.Conflict(AlreadyCertified, $"Settlement {command.Kato} is already certified.")
            : new SettlementCertified(command.Kato.Value, command.Name, command.Kato.Oblast, command.PotentialClass,
                command.HasEnvironmentalHazard, clerk, now);

    public static async Task<Results<Created<SettlementResponse>, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Validate(request) is not { } command)
            return Invalid(request).ToProblem();
        if (!user.CoversOblast(command.Kato.Oblast))
            throw new ProblemException(StatusCodes.Status403Forbidden, "auth.oblast-scope", "Outside your oblast",
                $"Your account does not cover oblast {command.Kato.Oblast}.");

        var stream = await session.Events.FetchForWriting<Settlement>(command.Kato.Value, cancellationToken);
        var certified = Decide(stream.Aggregate, command, user.CallerId(), clock.GetUtcNow());
        stream.AppendOne(certified);
        await session.SaveChangesAsync(cancellationToken);

        var settlement = new SettlementProjection().Create(certified) with { Version = 1 };
        return TypedResults.Created($"/api/registry/settlements/{command.Kato}", SettlementResponse.From(settlement));
    }

    private static Command? Validate(Request request) =>
        Invalid(request).IsEmpty
            ? new Command(KatoCode.Parse(request.Kato!), request.Name!.Trim(), ParsePotential(request.PotentialClass), request.EnvironmentalHazard ?? false)
            : null;

    private static PotentialClass ParsePotential(string? value) =>
        PotentialClasses.TryParse(value, out var potential) ? potential : throw new ArgumentException(value);

    private static ValidationErrors Invalid(Request request)
    {
        var errors = new ValidationErrors();
        switch (KatoCode.Validate(request.Kato))
        {
            case KatoValidation.Missing:
                errors.Add("kato", "required", "'kato' is required.");
                break;
            case KatoValidation.NotNineDigits:
                errors.Add("kato", "kato.format", "'kato' must be a KATO code of 9 digits.");
                break;
            case KatoValidation.UnknownOblast:
                errors.Add("kato", "kato.unknown-oblast", $"'kato' starts with {request.Kato![..2]}, which is no oblast code.");
                break;
            case KatoValidation.Valid when request.Oblast is not null && request.Oblast != request.Kato![..2]:
                errors.Add("oblast", "kato.oblast-mismatch", $"Oblast {request.Oblast} does not match the KATO code, which is in oblast {request.Kato[..2]}.");
                break;
        }

        errors.Require("name", request.Name);
        if (request.Name is { Length: > 200 }) errors.Add("name", "too-long", "'name' must be at most 200 characters.");
        if (!PotentialClasses.TryParse(request.PotentialClass, out _))
            errors.Add("potentialClass", "potential-class.unknown", "'potentialClass' must be high, medium or low.");
        return errors;
    }
}
