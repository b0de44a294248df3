using JasperFx.Events;
using Marten;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Budgets;

/// <summary>
/// The budget lines one transaction moves money on. Each line is fetched once, under an exclusive lock held until the
/// transaction ends, so commitments racing on any number of instances queue and each sees what the previous left; the
/// lines are locked in id order (<see cref="Lock"/>) so that two transactions touching the same lines never deadlock.
/// Several moves on one line in one transaction see each other.
/// </summary>
public sealed class BudgetBook(IDocumentSession session)
{
    private static readonly BudgetLineProjection Projection = new();

    private readonly Dictionary<Guid, (IEventStream<BudgetLine> Stream, BudgetLine Line)> _lines = [];

    /// <summary>Locks the lines about to be moved, in a fixed order.</summary>
    public async Task Lock(IEnumerable<Guid> lineIds, CancellationToken cancellationToken)
    {
        foreach (var id in lineIds.Distinct().Order()) await Line(id, cancellationToken);
    }

    public async Task<BudgetLine> Line(Guid lineId, CancellationToken cancellationToken)
    {
        if (_lines.TryGetValue(lineId, out var known)) return known.Line;
        var stream = await session.Events.FetchForExclusiveWriting<BudgetLine>(lineId, cancellationToken);
        var line = stream.Aggregate ?? throw ProblemException.NotFound(ReadingBudgets.NotFound, $"No budget line {lineId}.");
        _lines[lineId] = (stream, line);
        return line;
    }

    public async Task Commit(Guid lineId, Guid paymentId, decimal amount, CancellationToken cancellationToken)
    {
        var line = await Line(lineId, cancellationToken);
        var committed = BudgetDecisions.Commit(line, paymentId, amount);
        Append(lineId, committed, Projection.Apply(committed, line));
    }

    public async Task Spend(Guid lineId, Guid paymentId, decimal amount, CancellationToken cancellationToken)
    {
        var line = await Line(lineId, cancellationToken);
        var spent = BudgetDecisions.Spend(line, paymentId, amount);
        Append(lineId, spent, Projection.Apply(spent, line));
    }

    public async Task Release(Guid lineId, Guid paymentId, decimal amount, bool fromSpent, string reason, CancellationToken cancellationToken)
    {
        var line = await Line(lineId, cancellationToken);
        var released = BudgetDecisions.Release(line, paymentId, amount, fromSpent, reason);
        Append(lineId, released, Projection.Apply(released, line));
    }

    private void Append(Guid lineId, object change, BudgetLine after)
    {
        var (stream, _) = _lines[lineId];
        stream.AppendOne(change);
        _lines[lineId] = (stream, after);
    }
}
