using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.LabourDemand;

/// <summary>What a vacancy's declaration is about: the employer, the settlement and the occupation, fixed for its life.</summary>
public sealed record VacancyPost(Guid VacancyId, string EmployerBin, string SettlementKato, string Oblast, string Occupation);

/// <summary>
/// The pure decisions of labour demand: (state, command) → events. <c>elsewhere</c> is the open demand for the same
/// settlement and occupation from every other vacancy, read under the lock that serialises those changes.
/// </summary>
public static class LabourDemandDecision
{
    public const string AlreadyRegistered = "employer.already-registered";
    public const string VacancyIsClosed = "vacancy.closed";

    public static EmployerRegistered Register(Employer? current, string bin, string name, string? kato, string by, DateTimeOffset now) =>
        current is not null
            ? throw ProblemException.Conflict(AlreadyRegistered, $"An employer with BIN {bin} is already registered.")
            : new EmployerRegistered(bin, name, kato, by, now);

    public static VacancyDeclared Declare(VacancyPost post, VacancyTerms terms, OpenDemand elsewhere, string by, DateTimeOffset now) =>
        new(post.VacancyId, post.EmployerBin, post.SettlementKato, post.Oblast, post.Occupation, terms, elsewhere.With(terms), by, now);

    /// <summary>The change, or nothing when the terms are the same (a repeated PUT changes nothing).</summary>
    public static IReadOnlyList<object> Change(Vacancy current, VacancyTerms terms, OpenDemand elsewhere, string by, DateTimeOffset now)
    {
        EnsureOpen(current);
        return terms == current.Terms
            ? []
            : [new VacancyChanged(Guid.Parse(current.Id), current.EmployerBin, current.SettlementKato, current.Oblast, current.Occupation,
                current.Terms, terms, elsewhere.With(terms), by, now)];
    }

    public static VacancyClosed Close(Vacancy current, string reason, OpenDemand elsewhere, string by, DateTimeOffset now)
    {
        EnsureOpen(current);
        return new VacancyClosed(Guid.Parse(current.Id), current.EmployerBin, current.SettlementKato, current.Oblast, current.Occupation,
            current.Terms, reason, elsewhere, by, now);
    }

    private static void EnsureOpen(Vacancy current)
    {
        if (current.Status == VacancyStatus.Closed)
            throw ProblemException.Conflict(VacancyIsClosed, $"Vacancy {current.Id} was closed on {current.ClosedAt:yyyy-MM-dd} and cannot change.");
    }
}
