using System.Security.Claims;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;

namespace Migration.Registry.Households;

public sealed record MemberResponse(
    string Iin,
    string LastName,
    string FirstName,
    string? Patronymic,
    DateOnly? BirthDate,
    Sex Sex,
    Relationship Relationship,
    EmploymentStatus Employment,
    string? Occupation,
    Disability Disability);

/// <summary>A household as the API shows it; personal data masked for roles that do not need it.</summary>
public sealed record HouseholdResponse(
    Guid Id, string SettlementKato, string Oblast, int Size, IReadOnlyList<MemberResponse> Members, Contact? Contact,
    DateTimeOffset RegisteredAt, long Version, bool PersonalDataMasked)
{
    public static HouseholdResponse From(Household household, ClaimsPrincipal user)
    {
        var unmasked = PersonalData.MaySee(user);
        return new HouseholdResponse(
            Guid.Parse(household.Id), household.SettlementKato, household.Oblast, household.Size,
            household.Members.Select(m => unmasked
                ? new MemberResponse(m.Iin, m.LastName, m.FirstName, m.Patronymic, m.BirthDate, m.Sex, m.Relationship, m.Employment, m.Occupation, m.Disability)
                : new MemberResponse(Iin.Parse(m.Iin).Masked, PersonalData.Initial(m.LastName), PersonalData.Initial(m.FirstName), null, null,
                    m.Sex, m.Relationship, m.Employment, m.Occupation, m.Disability)).ToList(),
            unmasked ? household.Contact : null,
            household.RegisteredAt, household.Version, !unmasked);
    }
}
