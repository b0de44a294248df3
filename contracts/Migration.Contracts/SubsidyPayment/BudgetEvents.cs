namespace Migration.Contracts.SubsidyPayment;

/// <summary>
/// An approval committed <paramref name="AmountKzt"/> of the budget line of <paramref name="FiscalYear"/>,
/// <paramref name="Source"/> (republican, local, other) and <paramref name="Oblast"/>; <paramref name="AvailableKzt"/> is what is left.
/// </summary>
public sealed record BudgetCommitted(
    Guid BudgetLineId, int FiscalYear, string Source, string Oblast, Guid PaymentId, decimal AmountKzt, decimal AvailableKzt, DateTimeOffset CommittedAt);

/// <summary>A commitment or a spending went back to the budget line (payment cancelled, returned or reversed).</summary>
public sealed record BudgetReleased(
    Guid BudgetLineId, int FiscalYear, string Source, string Oblast, Guid PaymentId, decimal AmountKzt, string Reason, decimal AvailableKzt, DateTimeOffset ReleasedAt);
