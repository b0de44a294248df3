using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Budgets;

/// <summary>Budget lines with their allocated, committed, spent and available amounts; one line with its movements.</summary>
public static class ReadingBudgets
{
    public const string NotFound = "budget.not-found";

    public sealed record Movement(long Version, DateTimeOffset At, string? By, string Kind, object Details);

    public static async Task<Ok<IReadOnlyList<BudgetLine>>> List(int? fiscalYear, string? source, string? oblast, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = session.Query<BudgetLine>().AsQueryable();
        if (fiscalYear is { } year) query = query.Where(l => l.FiscalYear == year);
        if (WireNames.Filter<FundingSource>("source", source) is { } parsed) query = query.Where(l => l.Source == parsed);

        if (oblast is not null) query = query.Where(l => l.Oblast == oblast);
        var lines = await query.ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<BudgetLine>>([.. lines.OrderBy(l => l.FiscalYear).ThenBy(l => l.Source).ThenBy(l => l.Oblast, StringComparer.Ordinal)]);
    }

    public static async Task<Ok<BudgetLine>> Get(Guid lineId, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var line = await session.LoadAsync<BudgetLine>(lineId, cancellationToken) ?? throw ProblemException.NotFound(NotFound, $"No budget line {lineId}.");
        response.SetETag(line.Version);
        return TypedResults.Ok(line);
    }

    /// <summary>Every movement of a line, oldest first: allocations, commitments, spending and releases, with who and when.</summary>
    public static async Task<Ok<IReadOnlyList<Movement>>> Movements(Guid lineId, IQuerySession session, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(lineId, token: cancellationToken);
        if (events.Count == 0) throw ProblemException.NotFound(NotFound, $"No budget line {lineId}.");
        return TypedResults.Ok<IReadOnlyList<Movement>>([.. events.Select(e => new Movement(e.Version, e.Timestamp, e.UserName, e.EventTypeName, e.Data))]);
    }
}
