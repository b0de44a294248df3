namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// What a pain.001 asks for, read back from the file itself: the header's count and control sum, and every transfer with
/// its amount. It lets a test, an operator or the reconciliation check a file without trusting the code that wrote it.
/// </summary>
/// <param name="NumberOfTransactions">GrpHdr/NbOfTxs as written in the file.</param>
/// <param name="ControlSum">GrpHdr/CtrlSum as written in the file; zero when the file has none.</param>
public sealed record CreditTransferSummary(
    string MessageId,
    DateTimeOffset CreatedAt,
    int NumberOfTransactions,
    decimal ControlSum,
    IReadOnlyList<CreditTransferLine> Transfers);

/// <summary>One CdtTrfTxInf of a pain.001: its batch, end-to-end id and instructed amount.</summary>
public sealed record CreditTransferLine(string PaymentInformationId, string EndToEndId, decimal Amount, string Currency);
