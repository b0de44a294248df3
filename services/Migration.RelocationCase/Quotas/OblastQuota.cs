namespace Migration.RelocationCase.Quotas;

/// <summary>
/// A receiving oblast's quota for a year: at most <see cref="MaxHouseholds"/> households and/or <see cref="MaxPeople"/>
/// people approved (null: that dimension has no limit), and how much of it approvals have used. Limits are data an
/// admin sets; the used figures change only through <see cref="QuotaLedger"/>, under the quota's lock.
/// </summary>
/// <param name="Id">"{oblast}/{year}".</param>
public sealed record OblastQuota(
    string Id,
    string Oblast,
    int Year,
    int? MaxHouseholds,
    int? MaxPeople,
    int HouseholdsApproved,
    int PeopleApproved,
    string SetBy,
    DateTimeOffset SetAt)
{
    public static string KeyOf(string oblast, int year) => $"{oblast}/{year}";

    public int? HouseholdsRemaining => MaxHouseholds - HouseholdsApproved;

    public int? PeopleRemaining => MaxPeople - PeopleApproved;

    /// <summary>Whether one more household of <paramref name="people"/> fits in what remains.</summary>
    public bool Admits(int people) =>
        (MaxHouseholds is not { } households || HouseholdsApproved + 1 <= households) &&
        (MaxPeople is not { } persons || PeopleApproved + people <= persons);
}
