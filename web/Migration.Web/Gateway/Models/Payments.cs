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
    long Version)
{
    public decimal CalculatedKzt { get; init; }
    public Guid? BatchId { get; init; }
    public string? EndToEndId { get; init; }
    public string? StatementId { get; init; }
    public DateOnly? BookedOn { get; init; }
    public string? ReturnReason { get; init; }
    public string? CancelReason { get; init; }
    public Guid? ReissuedAs { get; init; }
}

/// <summary>A claw-back: what a household owes back for a case it withdrew from or left, and its repayments.</summary>
public sealed record RecoveryCase(
    Guid Id, Guid CaseId, Guid HouseholdId, string Oblast, decimal AmountDueKzt, decimal RepaidKzt, decimal OutstandingKzt, string Status, string Reason,
    string OpenedBy, DateTimeOffset OpenedAt, IReadOnlyList<Repayment> Repayments, long Version);

public sealed record Repayment(decimal AmountKzt, DateOnly ReceivedOn, string Reference, string By, DateTimeOffset RecordedAt);

public sealed record BudgetLine(Guid Id, int FiscalYear, string Source, string Oblast, decimal AllocatedKzt, decimal CommittedKzt, decimal SpentKzt, decimal AvailableKzt, string Reference, long Version);

public sealed record BudgetExecutionLine(Guid LineId, int FiscalYear, string Source, string Oblast, decimal AllocatedKzt, decimal CommittedKzt, decimal SpentKzt, decimal AvailableKzt);

public sealed record BudgetTotals(decimal AllocatedKzt, decimal CommittedKzt, decimal SpentKzt, decimal AvailableKzt);

public sealed record BudgetExecution(IReadOnlyList<BudgetExecutionLine> Lines, BudgetTotals Total);

public sealed record BankFile(string Bic, string BankName, string MessageId, string PaymentInformationId, int Count, decimal ControlSumKzt);

public sealed record BatchDiscrepancy(string PaymentInformationId, decimal ControlSumKzt, decimal ReportedKzt, int Count, int? ReportedCount, string StatementId);

public sealed record DisbursementBatch(
    Guid Id, DateOnly ExecutionDate, string? Oblast, string Status, IReadOnlyList<BankFile> Files, int Count, decimal ControlSumKzt, string CreatedBy,
    DateTimeOffset CreatedAt, IReadOnlyList<BatchDiscrepancy> Discrepancies, long Version);

public sealed record MatchedEntry(Guid PaymentId, string EndToEndId, decimal AmountKzt, DateOnly BookedOn, string? ReasonCode, string? Reason);

public sealed record UnmatchedEntry(string? EndToEndId, decimal AmountKzt, bool IsDebit, string Reason);

public sealed record FlaggedBatch(Guid BatchId, string PaymentInformationId, decimal ControlSumKzt, decimal ReportedKzt);

public sealed record ImportedStatement(
    string Id, string Kind, string MessageId, DateTimeOffset ImportedAt, string ImportedBy, IReadOnlyList<MatchedEntry> Paid, IReadOnlyList<MatchedEntry> Returned,
    IReadOnlyList<string> AlreadyRecorded, IReadOnlyList<UnmatchedEntry> Unmatched, IReadOnlyList<UnmatchedEntry> Pending, IReadOnlyList<FlaggedBatch> FlaggedBatches);
