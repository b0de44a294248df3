using System.Security.Claims;
using Marten;
using Microsoft.Extensions.Options;
using Migration.HousingAllocation.Allocation;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Stock;

/// <summary>What every step on a unit shares: reading it within the caller's oblast, and changing it at its destination's desk.</summary>
public static class UnitSlices
{
    public const string NotFound = "unit.not-found";

    /// <summary>A unit of another oblast is answered as unknown.</summary>
    public static HousingUnit Visible(this HousingUnit? unit, ClaimsPrincipal user, Guid id) =>
        unit is not null && user.CoversOblast(unit.Oblast) ? unit : throw ProblemException.NotFound(NotFound, $"No housing unit {id} in your oblast.");

    public static async Task<HousingUnit> Load(IQuerySession session, Guid id, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var unit = (await session.LoadAsync<HousingUnit>(id, cancellationToken)).Visible(user, id);
        response.SetETag(unit.Version);
        return unit;
    }

    /// <summary>
    /// Opens the unit's destination desk (locked), checks the version in <c>If-Match</c> when <paramref name="versionRequired"/>
    /// or when sent, lets <paramref name="change"/> act, commits, and answers with the unit as it is now.
    /// </summary>
    public static async Task<HousingUnit> Change(
        Guid id, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<HousingSettings> settings,
        bool versionRequired, Action<DestinationDesk, HousingUnit> change, CancellationToken cancellationToken)
    {
        var expected = versionRequired ? http.RequiredVersion() : http.ExpectedVersion();
        var known = (await session.LoadAsync<HousingUnit>(id, cancellationToken)).Visible(user, id);
        var desk = await DestinationDesk.Open(session, known.SettlementKato, known.Oblast, clock.GetUtcNow(), settings.Value.ReservationPeriod, cancellationToken);
        var unit = desk.Unit(id)!;
        if (expected is { } version && version != unit.Version)
            throw ProblemException.PreconditionFailed($"The unit is at version {unit.Version}, not {version}. Read it again and retry.");
        change(desk, unit);
        desk.Close();
        await session.SaveChangesAsync(cancellationToken);
        return await Load(session, id, user, http.HttpContext.Response, cancellationToken);
    }

    public static string RequireReason(string? reason, string field = "reason")
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
            throw new ValidationProblemException(new ValidationErrors().Add(field, "reason.required", $"'{field}' must say why, in at least 5 characters."));
        return reason.Trim();
    }
}
