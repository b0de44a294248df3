using Marten.Events.Aggregation;

namespace Migration.Registry.LabourDemand;

public enum VacancyStatus
{
    Open,
    Closed,
}

/// <summary>What an employer offers and may change: places, gross monthly wage (KZT) and the period of work.</summary>
public sealed record VacancyTerms(int Places, decimal MonthlyWage, DateOnly From, DateOnly To);

/// <summary>
/// The open demand for one occupation at one settlement after an event: open vacancies and their places. Computed in
/// the event's own transaction under a lock on (settlement, occupation), so it is exact at that point of the sequence.
/// </summary>
public sealed record OpenDemand(int Vacancies, int Places)
{
    public static readonly OpenDemand None = new(0, 0);

    public OpenDemand With(VacancyTerms terms) => new(Vacancies + 1, Places + terms.Places);
}

/// <summary>An employer declared a vacancy at a certified settlement (the stream key is the vacancy id).</summary>
public sealed record VacancyDeclared(
    Guid VacancyId, string EmployerBin, string SettlementKato, string Oblast, string Occupation, VacancyTerms Terms,
    OpenDemand Demand, string By, DateTimeOffset At);

/// <summary>The terms of an open vacancy changed.</summary>
public sealed record VacancyChanged(
    Guid VacancyId, string EmployerBin, string SettlementKato, string Oblast, string Occupation, VacancyTerms Previous, VacancyTerms Terms,
    OpenDemand Demand, string By, DateTimeOffset At);

/// <summary>A vacancy was closed with a reason; it can no longer change.</summary>
public sealed record VacancyClosed(
    Guid VacancyId, string EmployerBin, string SettlementKato, string Oblast, string Occupation, VacancyTerms Terms, string Reason,
    OpenDemand Demand, string By, DateTimeOffset At);

/// <summary>A vacancy as the registry knows it; lists and open-demand counts query these documents.</summary>
/// <param name="Id">The vacancy id (a Guid, as the string stream key).</param>
public sealed record Vacancy(
    string Id,
    string EmployerBin,
    string SettlementKato,
    string Oblast,
    string Occupation,
    VacancyTerms Terms,
    VacancyStatus Status,
    string DeclaredBy,
    DateTimeOffset DeclaredAt,
    DateTimeOffset? ChangedAt,
    string? ClosedReason,
    DateTimeOffset? ClosedAt)
{
    /// <summary>The stream version, kept by Marten; sent as the ETag.</summary>
    public long Version { get; init; }
}

public partial class VacancyProjection : SingleStreamProjection<Vacancy, string>
{
    public Vacancy Create(VacancyDeclared e) => new(
        e.VacancyId.ToString(), e.EmployerBin, e.SettlementKato, e.Oblast, e.Occupation, e.Terms, VacancyStatus.Open, e.By, e.At, null, null, null);

    public Vacancy Apply(VacancyChanged e, Vacancy current) => current with { Terms = e.Terms, ChangedAt = e.At };

    public Vacancy Apply(VacancyClosed e, Vacancy current) => current with { Status = VacancyStatus.Closed, ClosedReason = e.Reason, ClosedAt = e.At };
}
