using Migration.Identifiers;

namespace Migration.SubsidyPayment.Disbursement;

/// <summary>
/// The program's paying account and name in the bank files (configuration section <c>Payments:Disbursement</c>). The
/// default is a Treasury account of the program, valid by mod 97, for development and the demo.
/// </summary>
public sealed class DisbursementOptions
{
    public const string Section = "Payments:Disbursement";

    public string DebtorName { get; set; } = "Ministry of National Economy: State Program of Rural Territories Development";

    public string DebtorIban { get; set; } = Iban.Create("070", "KZT0000000001").Value;

    public string DebtorBic { get; set; } = "KKMFKZ2A";

    public string InitiatingParty { get; set; } = "Migration subsidy-payment service";

    /// <summary>At most this many payments in one batch: a bank file a person can still check.</summary>
    public int MaxPaymentsPerBatch { get; set; } = 5_000;
}
