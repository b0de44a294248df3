using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Budgets;

/// <summary>A budget amendment changes a line's allocation (If-Match required); never below what is committed and spent.</summary>
public static class ChangingAllocation
{
    public sealed record Request(decimal? AllocatedKzt, string? Reference);

    public static async Task<Ok<BudgetLine>> Handle(Guid lineId, Request request, HttpRequest http, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var allocated = Amounts.Check(errors, "allocatedKzt", request.AllocatedKzt, allowZero: true);
        var reference = Amounts.Text(errors, "reference", request.Reference);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);

        var expected = http.RequiredVersion();
        var stream = await session.Events.FetchForExclusiveWriting<BudgetLine>(lineId, cancellationToken);
        var line = stream.Aggregate ?? throw ProblemException.NotFound(ReadingBudgets.NotFound, $"No budget line {lineId}.");
        if (line.Version != expected) throw ProblemException.PreconditionFailed($"Budget line {lineId} is at version {line.Version}, not {expected}.");
        stream.AppendOne(BudgetDecisions.ChangeAllocation(line, allocated, reference));
        await session.SaveChangesAsync(cancellationToken);
        var after = (await session.LoadAsync<BudgetLine>(lineId, cancellationToken))!;
        http.HttpContext.Response.SetETag(after.Version);
        return TypedResults.Ok(after);
    }
}
