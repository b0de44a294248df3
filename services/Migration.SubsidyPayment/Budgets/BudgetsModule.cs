using Marten;
using Migration.ServiceDefaults.Auth;

namespace Migration.SubsidyPayment.Budgets;

/// <summary>Budget lines by fiscal year, funding source and oblast, their movements, and budget execution.</summary>
public static class BudgetsModule
{

    public static StoreOptions AddBudgets(this StoreOptions options)
    {
        options.Projections.Add<BudgetLineProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        return options;
    }

    public static RouteGroupBuilder MapBudgets(this RouteGroupBuilder api)
    {
        var budgets = api.MapGroup("/budgets").WithTags("Budgets");
        budgets.MapGet("/", ReadingBudgets.List).RequireRoles(FinanceRoles.Readers).WithName("ListBudgetLines")
            .WithSummary("Budget lines with allocated, committed, spent and available amounts (filter by fiscalYear, source, oblast)");
        budgets.MapPost("/", OpeningBudgetLine.Handle).RequireRoles(Roles.Admin).WithName("OpenBudgetLine")
            .WithSummary("Open a budget line for a fiscal year, funding source and oblast with its allocation (finance admin)");
        budgets.MapGet("/execution", BudgetExecution.Handle).RequireRoles(FinanceRoles.Readers).WithName("BudgetExecution")
            .WithSummary("Budget execution by fiscal year, funding source, oblast and benefit type: allocated, committed, spent, available");
        budgets.MapGet("/{lineId:guid}", ReadingBudgets.Get).RequireRoles(FinanceRoles.Readers).WithName("GetBudgetLine").WithSummary("One budget line (ETag: its version)");
        budgets.MapGet("/{lineId:guid}/movements", ReadingBudgets.Movements).RequireRoles(FinanceRoles.Readers).WithName("BudgetLineMovements")
            .WithSummary("Every movement of a line: allocations, commitments, spending, releases, with who and when");
        budgets.MapPut("/{lineId:guid}/allocation", ChangingAllocation.Handle).RequireRoles(Roles.Admin).WithName("ChangeBudgetAllocation")
            .WithSummary("Change a line's allocation after a budget amendment (finance admin; If-Match required)");
        return api;
    }
}
