using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Budgets;

/// <summary>
/// A finance admin opens a budget line for a fiscal year, funding source and oblast, with its allocation and the act that
/// allocated it. A line exists once: opening it again is answered 409.
/// </summary>
public static class OpeningBudgetLine
{
    public const string Exists = "budget.line-exists";

    public sealed record Request(int? FiscalYear, string? Source, string? Oblast, decimal? AllocatedKzt, string? Reference);

    public static async Task<Created<BudgetLine>> Handle(Request request, IDocumentSession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (request.FiscalYear is not (>= 2000 and <= 2100)) errors.Add("fiscalYear", "fiscal-year.invalid", "'fiscalYear' must be a year between 2000 and 2100.");
        if (!WireNames.TryParse<FundingSource>(request.Source, out var source))
            errors.Add("source", "source.invalid", $"'source' must be one of {WireNames.Choices<FundingSource>()}.");
        if (request.Oblast is null || !Oblasts.IsKnown(request.Oblast)) errors.Add("oblast", "oblast.invalid", "'oblast' must be an oblast code (the first two digits of KATO).");
        var allocated = Amounts.Check(errors, "allocatedKzt", request.AllocatedKzt, allowZero: true);
        var reference = Amounts.Text(errors, "reference", request.Reference);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);

        var id = BudgetLine.IdOf(request.FiscalYear!.Value, source, request.Oblast!);
        if (await session.LoadAsync<BudgetLine>(id, cancellationToken) is not null)
            throw ProblemException.Conflict(Exists, $"Budget line {BudgetLine.KeyOf(request.FiscalYear.Value, source, request.Oblast!)} is already open ({id}); change its allocation instead.");
        session.Events.StartStream<BudgetLine>(id, new BudgetLineOpened(id, request.FiscalYear.Value, source, request.Oblast!, allocated, reference));
        await session.SaveChangesAsync(cancellationToken);
        var line = (await session.LoadAsync<BudgetLine>(id, cancellationToken))!;
        response.SetETag(line.Version);
        return TypedResults.Created($"/api/payments/budgets/{id}", line);
    }
}
