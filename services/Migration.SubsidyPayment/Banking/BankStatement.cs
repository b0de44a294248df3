namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// A camt.053 statement or camt.054 notification reduced to what reconciliation needs: the entries booked on the
/// program's accounts, each with the batch it settles and the payments inside it. Read by <see cref="BankStatementFile"/>.
/// </summary>
/// <param name="Kind"><c>camt.053</c> or <c>camt.054</c>.</param>
/// <param name="MessageId">GrpHdr/MsgId: the same file imported twice has the same id.</param>
/// <param name="Entries">The entries of all Stmt (camt.053) or Ntfctn (camt.054) blocks, in file order.</param>
public sealed record BankStatement(string Kind, string MessageId, DateTimeOffset CreatedAt, IReadOnlyList<StatementEntry> Entries);

/// <summary>
/// One Ntry: a single movement on an account. A batch-booked disbursement is one debit entry whose
/// <see cref="Batch"/> repeats the pain.001's MsgId and PmtInfId; a returned payment comes back as a credit entry.
/// </summary>
/// <param name="EntryReference">NtryRef, when the bank gives one.</param>
/// <param name="AccountServicerReference">AcctSvcrRef: the bank's own reference of the booking, stable across re-sent files.</param>
/// <param name="Amount">Ntry/Amt: never negative; the direction is <see cref="IsDebit"/>.</param>
/// <param name="Status">Sts: <c>BOOK</c> (booked), <c>PDNG</c> (pending) or <c>INFO</c> (for information only).</param>
/// <param name="BookingDate">BookgDt (its date, also when given as a date-time).</param>
/// <param name="Batch">NtryDtls/Btch of the first details block that has one.</param>
/// <param name="Transactions">One per TxDtls; an entry without any yields one transaction with no end-to-end id.</param>
/// <param name="Account">The IBAN (or other id) of the statement's account the entry is booked on.</param>
public sealed record StatementEntry(
    string? EntryReference,
    string? AccountServicerReference,
    decimal Amount,
    string Currency,
    bool IsDebit,
    string Status,
    DateOnly? BookingDate,
    StatementBatch? Batch,
    IReadOnlyList<StatementTransaction> Transactions,
    string? Account);

/// <summary>
/// NtryDtls/Btch: which pain.001 batch an entry settles and what the bank says it contains; reconciliation compares
/// these totals with the file the service sent.
/// </summary>
public sealed record StatementBatch(string? MessageId, string? PaymentInformationId, int? NumberOfTransactions, decimal? TotalAmount);

/// <summary>
/// One TxDtls: a single payment inside an entry, matched to the service's payment by <see cref="EndToEndId"/>.
/// </summary>
/// <param name="EndToEndId">Refs/EndToEndId; null when absent or <c>NOTPROVIDED</c>, the ISO 20022 placeholder.</param>
/// <param name="Amount">AmtDtls/TxAmt/Amt, or the entry's amount when the entry has only this transaction.</param>
/// <param name="IsDebit">The entry's direction (TxDtls of version 02 carry none of their own).</param>
/// <param name="ReturnReasonCode">RtrInf/Rsn/Cd (or Prtry), e.g. <c>AC04</c> closed account, <c>AC01</c> wrong account, <c>MD07</c> deceased.</param>
/// <param name="ReturnReason">RtrInf/AddtlInf, the bank's words.</param>
/// <param name="IsReturned">
/// The TxDtls carries RtrInf: the payment came back (normally in a credit entry; a debit carrying RtrInf counts as returned too).
/// </param>
public sealed record StatementTransaction(
    string? EndToEndId,
    decimal Amount,
    bool IsDebit,
    string? ReturnReasonCode,
    string? ReturnReason,
    bool IsReturned);
