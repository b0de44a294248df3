namespace Migration.SubsidyPayment.Budgets;

/// <summary>A budget line was opened with its allocation (e.g. the budget law's figure) and the act that allocated it.</summary>
public sealed record BudgetLineOpened(Guid LineId, int FiscalYear, FundingSource Source, string Oblast, decimal AllocatedKzt, string Reference);

/// <summary>The allocation changed (a budget amendment); never below what is already committed and spent.</summary>
public sealed record BudgetAllocationChanged(Guid LineId, decimal AllocatedKzt, decimal PreviousKzt, string Reference);

/// <summary>An approval committed funds for a payment. <see cref="AvailableKzt"/>: what is left after it.</summary>
public sealed record FundsCommitted(
    Guid LineId, int FiscalYear, FundingSource Source, string Oblast, Guid PaymentId, decimal AmountKzt, decimal AvailableKzt);

/// <summary>The bank paid: the payment's commitment became spending.</summary>
public sealed record FundsSpent(Guid LineId, Guid PaymentId, decimal AmountKzt);

/// <summary>
/// A commitment (payment cancelled) or a spending (payment returned or reversed) went back to the line.
/// <see cref="FromSpent"/> says which.
/// </summary>
public sealed record FundsReleased(
    Guid LineId, int FiscalYear, FundingSource Source, string Oblast, Guid PaymentId, decimal AmountKzt, bool FromSpent, string Reason, decimal AvailableKzt);
