using Migration.Identifiers;

namespace Migration.RelocationCase.Quotas;

/// <summary>A quota as the API shows it: the limits, the use and what remains (null: no limit on that dimension).</summary>
public sealed record QuotaResponse(
    string Oblast,
    string? OblastName,
    int Year,
    int? MaxHouseholds,
    int? MaxPeople,
    int HouseholdsApproved,
    int PeopleApproved,
    int? HouseholdsRemaining,
    int? PeopleRemaining,
    string SetBy,
    DateTimeOffset SetAt)
{
    public static QuotaResponse Of(OblastQuota q) => new(q.Oblast, Oblasts.NameOf(q.Oblast), q.Year, q.MaxHouseholds, q.MaxPeople,
        q.HouseholdsApproved, q.PeopleApproved, q.HouseholdsRemaining, q.PeopleRemaining, q.SetBy, q.SetAt);
}

/// <summary>The quotas of a year, one per receiving oblast that has one, in oblast-code order.</summary>
public sealed record QuotaList(int Year, IReadOnlyList<QuotaResponse> Items);
