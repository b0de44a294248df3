namespace Migration.SubsidyPayment.Disbursement;

/// <summary>One payment in a bank file, with everything the file says about it (frozen when the batch is created).</summary>
public sealed record BatchedPayment(Guid PaymentId, Guid CaseId, string EndToEndId, decimal AmountKzt, string CreditorName, string CreditorIban, string Remittance);

/// <summary>The credit-transfer file for one bank: its ids in the pain.001, count and control sum.</summary>
public sealed record BankFile(string Bic, string BankName, string MessageId, string PaymentInformationId, int Count, decimal ControlSumKzt, IReadOnlyList<BatchedPayment> Payments);

/// <summary>
/// A disbursement batch was made of the approved payments due by <see cref="ExecutionDate"/>: one file per bank.
/// <see cref="CreatedAt"/> is written into the files, so a file downloaded twice is the same file.
/// </summary>
public sealed record BatchCreated(Guid BatchId, DateOnly ExecutionDate, string? Oblast, DateTimeOffset CreatedAt, IReadOnlyList<BankFile> Files, string By);

/// <summary>The batch's files went to the banks.</summary>
public sealed record BatchSent(Guid BatchId, string By);

/// <summary>
/// A statement reported a batch's booking with another total or count than its file's control sum: the batch is flagged
/// for finance to resolve with the bank.
/// </summary>
public sealed record BatchDiscrepancyFlagged(Guid BatchId, string PaymentInformationId, decimal ControlSumKzt, decimal ReportedKzt, int Count, int? ReportedCount, string StatementId);

/// <summary>Every payment of the batch is paid or returned.</summary>
public sealed record BatchReconciled(Guid BatchId, int Paid, int Returned);
