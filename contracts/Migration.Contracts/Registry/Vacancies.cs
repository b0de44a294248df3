namespace Migration.Contracts.Registry;

// Labour demand: employers' vacancies at certified settlements. Every message carries the vacancy's full current terms
// and the settlement's resulting open demand for the occupation, so a consumer can keep its view from any one message.
// Money is KZT with two decimals. OpenVacancies/OpenPlaces are computed in the transaction that recorded the change,
// serialised per settlement and occupation, so they are exact at that point of the registry's event sequence.

/// <summary>An employer declared a vacancy at a settlement.</summary>
/// <param name="VacancyId">The vacancy's id at the registry.</param>
/// <param name="EmployerBin">The employer's 12-digit BIN.</param>
/// <param name="SettlementKato">The 9-digit KATO code of the certified settlement where the work is.</param>
/// <param name="Oblast">The settlement's 2-digit KATO oblast code.</param>
/// <param name="Occupation">The occupation, as the employer named it (counts group by it exactly).</param>
/// <param name="Places">How many people the employer seeks.</param>
/// <param name="MonthlyWage">The gross monthly wage offered, KZT.</param>
/// <param name="From">First day of the period of work.</param>
/// <param name="To">Last day of the period of work.</param>
/// <param name="OpenVacancies">Open vacancies for this occupation at the settlement, this one included.</param>
/// <param name="OpenPlaces">Open places for this occupation at the settlement, this vacancy's included.</param>
/// <param name="DeclaredAt">When the registry recorded it.</param>
public sealed record VacancyDeclared(
    Guid VacancyId,
    string EmployerBin,
    string SettlementKato,
    string Oblast,
    string Occupation,
    int Places,
    decimal MonthlyWage,
    DateOnly From,
    DateOnly To,
    int OpenVacancies,
    int OpenPlaces,
    DateTimeOffset DeclaredAt);

/// <summary>The places, wage or period of an open vacancy changed; the fields are the new terms.</summary>
/// <param name="PreviousPlaces">The places before the change.</param>
/// <param name="OpenVacancies">Open vacancies for this occupation at the settlement after the change.</param>
/// <param name="OpenPlaces">Open places for this occupation at the settlement after the change.</param>
public sealed record VacancyChanged(
    Guid VacancyId,
    string EmployerBin,
    string SettlementKato,
    string Oblast,
    string Occupation,
    int Places,
    decimal MonthlyWage,
    DateOnly From,
    DateOnly To,
    int PreviousPlaces,
    int OpenVacancies,
    int OpenPlaces,
    DateTimeOffset ChangedAt);

/// <summary>A vacancy was closed (filled, withdrawn …); its terms are those it had when closed.</summary>
/// <param name="Reason">Why it was closed, as the closer wrote it.</param>
/// <param name="OpenVacancies">Open vacancies for this occupation at the settlement, this one no longer included.</param>
/// <param name="OpenPlaces">Open places for this occupation at the settlement, this vacancy's no longer included.</param>
public sealed record VacancyClosed(
    Guid VacancyId,
    string EmployerBin,
    string SettlementKato,
    string Oblast,
    string Occupation,
    int Places,
    decimal MonthlyWage,
    DateOnly From,
    DateOnly To,
    string Reason,
    int OpenVacancies,
    int OpenPlaces,
    DateTimeOffset ClosedAt);
