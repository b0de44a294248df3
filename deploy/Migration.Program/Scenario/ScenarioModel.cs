using Migration.Identifiers;

namespace Migration.ProgramRun.Scenario;

/// <summary>Whether a settlement of the scenario sends or receives migrants.</summary>
public enum SettlementRole
{
    Origin,
    Destination,
}

/// <summary>What the scenario has a household do, so that the run meets the cases a real program meets.</summary>
public enum HouseholdFate
{
    /// <summary>Moves to its destination (or waits for housing there when the stock runs short).</summary>
    Relocates,

    /// <summary>Changes its mind after submitting its case, before the supervisor decides.</summary>
    WithdrawsBeforeApproval,

    /// <summary>Changes its mind after approval, before it moves: housing, quota and payments are given back.</summary>
    WithdrawsAfterApproval,
}

/// <summary>A real settlement of the classifier with its part in stage 1.</summary>
/// <param name="People">Residents to move (origins at factor 1; 0 at destinations).</param>
public sealed record ScenarioSettlement(
    string Kato, string NameRu, string Oblast, SettlementRole Role, string PotentialClass, string? Hazard, string ClimateZone, int People);

/// <summary>A person as the registry takes them, with an IIN that codes their birth date and sex.</summary>
public sealed record PlannedPerson(
    string Iin, string LastName, string FirstName, string? Patronymic, DateOnly BirthDate, Sex Sex, string Relationship, string Employment, string? Occupation);

/// <summary>A home bought with the housing certificate: its declared price and its appraisal.</summary>
public sealed record HomePurchase(decimal DeclaredPriceKzt, decimal AppraisedValueKzt);

/// <summary>A household of an origin settlement and what happens to it in the scenario.</summary>
/// <param name="PlannedDestination">The destination the family prefers; the caseworker takes it when it is among the recommendations.</param>
/// <param name="ProgramYear">The stage-1 year (2004–2006) whose budget lines pay it.</param>
/// <param name="AccountClosed">The bank returns its relocation subsidies (AC04: closed account); finance records a new account.</param>
public sealed record PlannedHousehold(
    int Number, string OriginKato, string OriginOblast, IReadOnlyList<PlannedPerson> Members, string PlannedDestination, int ProgramYear,
    string Iban, string ReplacementIban, HouseholdFate Fate, HomePurchase? HomePurchase, bool AccountClosed)
{
    public int Size => Members.Count;
}

/// <summary>An employer at a destination, by its BIN.</summary>
public sealed record PlannedEmployer(string Bin, string Name, string Kato);

/// <summary>Places an employer offers at a destination.</summary>
public sealed record PlannedVacancy(string EmployerBin, string SettlementKato, string Occupation, int Places, decimal MonthlyWage);

/// <summary>A dwelling at a destination. <paramref name="Late"/> units are finished after the cases are approved.</summary>
public sealed record PlannedUnit(
    string SettlementKato, string Type, string Address, int Rooms, decimal FloorArea, int Capacity, decimal AppraisedValue, string Condition, bool Late);

/// <summary>A receiving oblast's quota for a stage-1 year.</summary>
public sealed record PlannedQuota(string Oblast, int Year, int MaxHouseholds, int MaxPeople);

/// <summary>A budget line: fiscal year, funding source and oblast.</summary>
public sealed record PlannedBudgetLine(int FiscalYear, string Source, string Oblast, decimal AllocatedKzt, string Reference);

/// <summary>Stage 1 of the program, generated from a seed at a scale.</summary>
public sealed record ProgramScenario(
    int Seed,
    decimal Factor,
    IReadOnlyList<ScenarioSettlement> Settlements,
    IReadOnlyList<PlannedHousehold> Households,
    IReadOnlyList<PlannedEmployer> Employers,
    IReadOnlyList<PlannedVacancy> Vacancies,
    IReadOnlyList<PlannedUnit> Units,
    IReadOnlyList<PlannedQuota> Quotas,
    IReadOnlyList<PlannedBudgetLine> BudgetLines)
{
    public int People => Households.Sum(h => h.Size);

    public IEnumerable<ScenarioSettlement> Origins => Settlements.Where(s => s.Role == SettlementRole.Origin);

    public IEnumerable<ScenarioSettlement> Destinations => Settlements.Where(s => s.Role == SettlementRole.Destination);
}
