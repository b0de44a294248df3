namespace Migration.Web.Gateway.Models;

// The subsidy-payment service's answers (docs/api.md, "Subsidy payments").

public sealed record PaymentApproval(string By, decimal LimitKzt, DateTimeOffset At);

public sealed record PaymentStep(string Step, string? By, DateTimeOffset At, string? Note);

public sealed record Payment(
    Guid Id,
    Guid CaseId,
    Guid HouseholdId,
    string Oblast,
    string DestinationOblast,
    string Benefit,
    int? Instalment,
    DateOnly DueOn,
    decimal AmountKzt,
    string Formula,
    bool AwaitsMove,
    string Status,
    string? ReviewNote,
    Guid? BudgetLineId,
    string? VerifiedBy,
    IReadOnlyList<PaymentApproval> Approvals,
    string? SentBackReason,
    IReadOnlyList<PaymentStep> Steps,
    long Version);

public sealed record BudgetLine(Guid Id, int FiscalYear, string Source, string Oblast, decimal AllocatedKzt, decimal CommittedKzt, decimal SpentKzt, decimal AvailableKzt, string Reference, long Version);

public sealed record BudgetExecutionLine(Guid LineId, int FiscalYear, string Source, string Oblast, decimal AllocatedKzt, decimal CommittedKzt, decimal SpentKzt, decimal AvailableKzt);

public sealed record BudgetTotals(decimal AllocatedKzt, decimal CommittedKzt, decimal SpentKzt, decimal AvailableKzt);

public sealed record BudgetExecution(IReadOnlyList<BudgetExecutionLine> Lines, BudgetTotals Total);
