namespace Migration.Web.Gateway.Models;

// The registry's answers about households (docs/api.md, "Households").

public sealed record Member(string Iin, string LastName, string FirstName, string? Patronymic, DateOnly? BirthDate, string Sex, string Relationship, string Employment, string? Occupation);

public sealed record Household(Guid Id, string SettlementKato, string Oblast, int Size, IReadOnlyList<Member> Members, DateTimeOffset RegisteredAt, bool PersonalDataMasked);
