using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Settlements;

/// <summary>A registry clerk sets a settlement's class by hand, with a written reason; the override stays visible.</summary>
public static class OverridingPotential
{
    public sealed record Request(string? PotentialClass, string? Reason);

    private const int MinimumReason = 10;

    public static async Task<Results<Ok<SettlementResponse>, ProblemHttpResult>> Handle(
        string kato, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!WireNames.TryParse<PotentialClass>(request.PotentialClass, out var potential))
            errors.Add("potentialClass", "potential-class.unknown", $"'potentialClass' must be {WireNames.Choices<PotentialClass>()}.");
        if (request.Reason is null || request.Reason.Trim().Length < MinimumReason)
            errors.Add("reason", "reason.required", $"'reason' must explain the override in at least {MinimumReason} characters.");
        if (!errors.IsEmpty) return errors.ToProblem();
        var expected = http.RequiredVersion();

        var stream = await session.Events.FetchForWriting<Settlement>(kato, expected, cancellationToken);
        var current = stream.Aggregate ?? throw ProblemException.NotFound(GettingSettlement.NotCertified, $"No settlement with KATO code {kato} is certified.");
        user.EnsureCovers(current.Oblast);
        stream.AppendMany(CertificationDecision.Override(current, potential, request.Reason!.Trim(), user.CallerId(), clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(SettlementResponse.From(await GettingSettlement.Load(session, kato, http.HttpContext.Response, cancellationToken)));
    }
}
