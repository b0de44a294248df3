using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.Registry.Settlements;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.LabourDemand;

/// <summary>
/// The open labour demand of a settlement per occupation: open vacancies and their places.
/// Computed by a query over the vacancy documents (the inline <see cref="VacancyProjection"/>, indexed by settlement)
/// rather than a MultiStreamProjection keyed by KATO: an inline multi-stream document is rewritten by transactions on
/// different vacancy streams that no stream version guards, so two concurrent declarations could lose an update; an
/// async one lags and cannot give the count inside the transaction that changes it. Each vacancy document is guarded by
/// its own stream version, so the sum over them is always exact, and a settlement has tens of vacancies, not millions.
/// </summary>
public static class OpenVacancies
{
    /// <summary>The first key of the two-key advisory locks of labour demand (a key space apart from Marten's own locks).</summary>
    private const int LockSpace = 0x4C44; // "LD"

    public sealed record OccupationDemand(string Occupation, int OpenVacancies, int OpenPlaces);

    public sealed record Response(
        string SettlementKato, string Oblast, string? OblastName, int OpenVacancies, int OpenPlaces, IReadOnlyList<OccupationDemand> Occupations);

    public static async Task<Ok<Response>> Handle(string kato, IQuerySession session, CancellationToken cancellationToken)
    {
        var settlement = await session.LoadAsync<Settlement>(kato, cancellationToken)
            ?? throw ProblemException.NotFound(GettingSettlement.NotCertified, $"No settlement with KATO code {kato} is certified.");
        var open = await session.Query<Vacancy>()
            .Where(v => v.SettlementKato == kato && v.Status == VacancyStatus.Open)
            .ToListAsync(cancellationToken);
        var occupations = open
            .GroupBy(v => v.Occupation, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new OccupationDemand(g.Key, g.Count(), g.Sum(v => v.Terms.Places)))
            .ToList();
        return TypedResults.Ok(new Response(kato, settlement.Oblast, Oblasts.NameOf(settlement.Oblast),
            open.Count, open.Sum(v => v.Terms.Places), occupations));
    }

    /// <summary>
    /// Opens the session's transaction, takes a transaction-scoped advisory lock on (settlement, occupation), and reads
    /// the open demand of every other vacancy there. Every change to that demand takes the same lock before reading, so
    /// the figure a change records is exact until it commits (the lock is released at commit or rollback).
    /// </summary>
    public static async Task<OpenDemand> LockElsewhere(
        this IDocumentSession session, string kato, string occupation, string? exceptVacancy, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?, hashtext(?))", cancellationToken, LockSpace, kato + "/" + occupation);
        var query = session.Query<Vacancy>().Where(v => v.SettlementKato == kato && v.Occupation == occupation && v.Status == VacancyStatus.Open);
        if (exceptVacancy is not null) query = query.Where(v => v.Id != exceptVacancy);
        var others = await query.ToListAsync(cancellationToken);
        return new OpenDemand(others.Count, others.Sum(v => v.Terms.Places));
    }
}
