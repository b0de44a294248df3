namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// One disbursement batch as the bank is asked to execute it: a pain.001 with one payment-information block, debited
/// from the program's account in one booking (batch booking), in tenge. <see cref="CreditTransferFile"/> writes it.
/// </summary>
/// <param name="MessageId">GrpHdr/MsgId: unique per file sent to the bank (at most 35 characters).</param>
/// <param name="InitiatingParty">The name of the party sending the file, normally the program's operator.</param>
/// <param name="PaymentInformationId">PmtInfId: names the batch; the bank repeats it in the statement (at most 35 characters).</param>
/// <param name="ExecutionDate">The day the bank is asked to debit the program's account.</param>
public sealed record CreditTransferOrder(
    string MessageId,
    DateTimeOffset CreatedAt,
    string InitiatingParty,
    Debtor Debtor,
    string PaymentInformationId,
    DateOnly ExecutionDate,
    IReadOnlyList<CreditTransfer> Transfers);

/// <summary>The account the batch is paid from.</summary>
public sealed record Debtor(string Name, string Iban, string Bic);

/// <summary>
/// One payment to one beneficiary. <paramref name="EndToEndId"/> travels unchanged to the statement, so it is what a
/// booking or a return is matched on: unique within the order, at most 35 characters.
/// </summary>
/// <param name="AmountKzt">Positive, at most two decimals.</param>
/// <param name="RemittanceInformation">Free text the beneficiary sees; cut to 140 characters, left out when empty.</param>
public sealed record CreditTransfer(
    string EndToEndId,
    decimal AmountKzt,
    string CreditorName,
    string CreditorIban,
    string CreditorBic,
    string RemittanceInformation);
