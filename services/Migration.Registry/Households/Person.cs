using Migration.Identifiers;

namespace Migration.Registry.Households;

public enum Relationship
{
    Head,
    Spouse,
    Child,
    Parent,
    Sibling,
    Grandchild,
    Grandparent,
    Other,
}

public enum EmploymentStatus
{
    Employed,
    SelfEmployed,
    Unemployed,
    Student,
    Pensioner,
    Child,
    Homemaker,
    Other,
}

public enum Disability
{
    None,
    Group1,
    Group2,
    Group3,
    ChildWithDisability,
}

/// <summary>A member of a household, identified by IIN.</summary>
public sealed record Person(
    string Iin,
    string LastName,
    string FirstName,
    string? Patronymic,
    DateOnly BirthDate,
    Sex Sex,
    Relationship Relationship,
    EmploymentStatus Employment,
    string? Occupation,
    Disability Disability);

/// <summary>How to reach a household.</summary>
public sealed record Contact(string? Phone, string? Address);

/// <summary>
/// "This IIN belongs to that household": one document per person, keyed by IIN, written in the same transaction as the
/// household's events. The key is the database's promise that no person is in two households, whatever the races.
/// </summary>
public sealed record PersonMembership(string Id, Guid HouseholdId);
