using Marten;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// "This household / this person is in that open case": one document per household and per member, keyed so the
/// database refuses a second open case for either, whatever the races. Released when the case ends.
/// </summary>
public sealed record CaseClaim(string Id, Guid CaseId)
{
    public static string ForHousehold(Guid householdId) => $"household/{householdId:N}";

    public static string ForPerson(string iin) => $"person/{iin}";
}

/// <summary>A person whose relocation in the program was confirmed: not eligible for another.</summary>
public sealed record RelocatedPerson(string Id, Guid CaseId, DateOnly ArrivedOn);

public static class CaseClaims
{
    public const string HouseholdHasOpenCase = "case.household-has-open-case";
    public const string PersonInOpenCase = "case.person-in-open-case";

    public static IEnumerable<CaseClaim> For(Guid caseId, Guid householdId, IEnumerable<string> iins) =>
        iins.Select(iin => new CaseClaim(CaseClaim.ForPerson(iin), caseId)).Prepend(new CaseClaim(CaseClaim.ForHousehold(householdId), caseId));

    /// <summary>409 naming the other case when the household or any member is already in an open case.</summary>
    public static async Task EnsureFree(IQuerySession session, Guid householdId, IEnumerable<string> iins, CancellationToken cancellationToken)
    {
        var keys = iins.Select(CaseClaim.ForPerson).Prepend(CaseClaim.ForHousehold(householdId)).ToArray();
        var taken = await session.LoadManyAsync<CaseClaim>(cancellationToken, keys);
        if (taken.Count == 0) return;
        var household = taken.FirstOrDefault(c => c.Id == CaseClaim.ForHousehold(householdId));
        var other = (household ?? taken[0]).CaseId;
        throw new ProblemException(StatusCodes.Status409Conflict, household is not null ? HouseholdHasOpenCase : PersonInOpenCase, "Already in an open case",
            household is not null
                ? $"The household already has open case {other}."
                : $"{taken.Count} member(s) of this household are already in open case {other}.")
        {
            Extensions = { ["otherCase"] = other },
        };
    }

    public static void Release(IDocumentSession session, CaseFile @case)
    {
        session.Delete<CaseClaim>(CaseClaim.ForHousehold(@case.HouseholdId));
        foreach (var member in @case.Members) session.Delete<CaseClaim>(CaseClaim.ForPerson(member.Iin));
    }
}
