using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Quotas;

/// <summary>
/// An admin sets a receiving oblast's quota for a year: households, people or both. A limit may never go below what
/// approvals already used (409 <c>quota.below-use</c>); the check runs under the quota's lock, so no approval slips in.
/// </summary>
public static class SettingQuota
{
    public const string BelowUse = "quota.below-use";
    public const int MaxLimit = 1_000_000;

    public sealed record Request(int? MaxHouseholds, int? MaxPeople);

    public static async Task<Results<Created<QuotaResponse>, Ok<QuotaResponse>>> Handle(
        string oblast, int year, Request request, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        Validate(oblast, year, request);
        var current = await QuotaLedger.LockAndLoad(session, oblast, year, cancellationToken);
        if (current is not null && (request.MaxHouseholds < current.HouseholdsApproved || request.MaxPeople < current.PeopleApproved))
            throw ProblemException.Conflict(BelowUse,
                $"Approvals already used {current.HouseholdsApproved} households and {current.PeopleApproved} people of the {year} quota of oblast {oblast}; " +
                "a limit cannot go below that.");

        var quota = new OblastQuota(OblastQuota.KeyOf(oblast, year), oblast, year, request.MaxHouseholds, request.MaxPeople,
            current?.HouseholdsApproved ?? 0, current?.PeopleApproved ?? 0, user.CallerId(), clock.GetUtcNow());
        session.Store(quota);
        await session.SaveChangesAsync(cancellationToken);
        var response = QuotaResponse.Of(quota);
        return current is null
            ? TypedResults.Created($"/api/cases/quotas/{oblast}/{year}", response)
            : TypedResults.Ok(response);
    }

    private static void Validate(string oblast, int year, Request request)
    {
        var errors = new ValidationErrors();
        if (!Oblasts.IsKnown(oblast)) errors.Add("oblast", "oblast.unknown", $"'{oblast}' is not a KATO oblast code.");
        QuotaYears.Check(year, errors);
        if (request.MaxHouseholds is null && request.MaxPeople is null)
            errors.Add("maxHouseholds", "quota.no-limit", "Give 'maxHouseholds', 'maxPeople' or both.");
        CheckLimit("maxHouseholds", request.MaxHouseholds, errors);
        CheckLimit("maxPeople", request.MaxPeople, errors);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
    }

    private static void CheckLimit(string field, int? value, ValidationErrors errors)
    {
        if (value is < 0) errors.Add(field, "negative", $"'{field}' must not be negative.");
        else if (value > MaxLimit) errors.Add(field, "too-large", $"'{field}' must be at most {MaxLimit}.");
    }
}
