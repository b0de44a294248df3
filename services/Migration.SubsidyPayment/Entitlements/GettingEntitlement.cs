using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Entitlements;

/// <summary>
/// A case's entitlements with their lines and formulas. Visible when the caller's oblast covers the case's origin or its
/// destination (otherwise answered as unknown); IINs masked for roles that may not see personal data.
/// </summary>
public static class GettingEntitlement
{
    public const string NotFound = "entitlement.not-found";

    public static bool Visible(this Entitlement e, ClaimsPrincipal user) => user.CoversOblast(e.Oblast) || user.CoversOblast(e.DestinationOblast);

    public static async Task<Ok<Entitlement>> Handle(Guid caseId, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var entitlement = await session.LoadAsync<Entitlement>(caseId, cancellationToken);
        if (entitlement is null || !entitlement.Visible(user))
            throw ProblemException.NotFound(NotFound, $"No entitlements of case {caseId} in your oblast (yet).");
        response.SetETag(entitlement.Version);
        return TypedResults.Ok(PersonalData.MaySee(user) ? entitlement : Masked(entitlement));
    }

    private static Entitlement Masked(Entitlement e) => e with
    {
        Lines = [.. e.Lines.Select(l => l with { Iin = Mask(l.Iin) })],
        Withheld = [.. e.Withheld.Select(w => w with { Iin = Mask(w.Iin)! })],
    };

    private static string? Mask(string? iin) => iin is null ? null : Iin.TryParse(iin, out var parsed) ? parsed.Value.Masked : new string('*', iin.Length);
}
