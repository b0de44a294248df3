using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Households;

/// <summary>Reading households: by id, by any member's IIN, and a settlement's households a page at a time.</summary>
public static class GettingHousehold
{
    public const string NotFound = "household.not-found";

    public static async Task<Ok<HouseholdResponse>> ById(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(HouseholdResponse.From(await Load(session, id, response, cancellationToken), user));

    public static async Task<Ok<HouseholdResponse>> ByMember(string iin, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        if (Iin.Validate(iin) is var check && check != IinValidation.Valid)
            throw new ValidationProblemException(new ValidationErrors().Add("iin", MemberValidation.IinCode(check), "'iin' is not a valid IIN."));
        var membership = await session.LoadAsync<PersonMembership>(iin, cancellationToken)
            ?? throw ProblemException.NotFound(NotFound, "No household has a member with this IIN.");
        return TypedResults.Ok(HouseholdResponse.From(await Load(session, membership.HouseholdId, response, cancellationToken), user));
    }

    public static async Task<Ok<Page<HouseholdResponse>>> OfSettlement(
        string kato, int? limit, string? continuationToken, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(continuationToken);
        var query = session.Query<Household>().Where(h => h.SettlementKato == kato);
        if (after is not null) query = query.Where(h => h.Id.CompareTo(after) > 0);
        var rows = await query.OrderBy(h => h.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, h => h.Id, h => HouseholdResponse.From(h, user)));
    }

    public static async Task<Household> Load(IQuerySession session, Guid id, HttpResponse response, CancellationToken cancellationToken)
    {
        var household = await session.LoadAsync<Household>(id.ToString(), cancellationToken)
            ?? throw ProblemException.NotFound(NotFound, $"No household {id} is registered.");
        response.SetETag(household.Version);
        return household;
    }
}
