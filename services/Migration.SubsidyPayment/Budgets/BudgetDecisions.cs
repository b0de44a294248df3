using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Budgets;

/// <summary>The budget rules, pure: what a commitment, a spending and a release do to a line, and when they are refused.</summary>
public static class BudgetDecisions
{
    public const string Insufficient = "budget.insufficient";
    public const string BelowUsed = "budget.allocation-below-used";

    public static FundsCommitted Commit(BudgetLine line, Guid paymentId, decimal amount)
    {
        if (amount > line.AvailableKzt)
        {
            throw new ProblemException(StatusCodes.Status409Conflict, Insufficient, "Not enough funds on the budget line",
                $"Budget line {BudgetLine.KeyOf(line.FiscalYear, line.Source, line.Oblast)} has {line.AvailableKzt:0.00} KZT available; the payment needs {amount:0.00} KZT.")
            {
                Extensions = { ["availableKzt"] = line.AvailableKzt, ["requiredKzt"] = amount },
            };
        }

        return new FundsCommitted(line.Id, line.FiscalYear, line.Source, line.Oblast, paymentId, amount, line.AvailableKzt - amount);
    }

    public static FundsSpent Spend(BudgetLine line, Guid paymentId, decimal amount) => new(line.Id, paymentId, amount);

    public static FundsReleased Release(BudgetLine line, Guid paymentId, decimal amount, bool fromSpent, string reason) =>
        new(line.Id, line.FiscalYear, line.Source, line.Oblast, paymentId, amount, fromSpent, reason, line.AvailableKzt + amount);

    public static BudgetAllocationChanged ChangeAllocation(BudgetLine line, decimal allocated, string reference)
    {
        var used = line.CommittedKzt + line.SpentKzt;
        if (allocated < used)
            throw ProblemException.Conflict(BelowUsed, $"The line has {used:0.00} KZT committed or spent; the allocation cannot be lower.");
        return new BudgetAllocationChanged(line.Id, allocated, line.AllocatedKzt, reference);
    }
}
