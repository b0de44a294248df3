using Migration.Identifiers;

namespace Migration.Registry.LabourDemand;

/// <summary>A vacancy as the API shows it; the wage is KZT. (The factory is <c>Of</c>: <c>From</c> is the period's start.)</summary>
public sealed record VacancyResponse(
    Guid Id,
    string EmployerBin,
    string SettlementKato,
    string Oblast,
    string? OblastName,
    string Occupation,
    int Places,
    decimal MonthlyWage,
    string Currency,
    DateOnly From,
    DateOnly To,
    VacancyStatus Status,
    string DeclaredBy,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ChangedAt,
    string? ClosedReason,
    DateTimeOffset? ClosedAt,
    long Version)
{
    public static VacancyResponse Of(Vacancy v) => new(
        Guid.Parse(v.Id), v.EmployerBin, v.SettlementKato, v.Oblast, Oblasts.NameOf(v.Oblast), v.Occupation, v.Terms.Places,
        v.Terms.MonthlyWage, "KZT", v.Terms.From, v.Terms.To, v.Status, v.DeclaredBy, v.DeclaredAt, v.ChangedAt, v.ClosedReason, v.ClosedAt,
        v.Version);
}
