using System.Xml.Linq;
using Migration.Identifiers;
using Migration.SubsidyPayment.Banking;
using Migration.SimulatedBank;

namespace Migration.SubsidyPayment.Tests.Banking;

/// <summary>A disbursement order of three transfers, the files the bank simulator answers it with, and reading them.</summary>
internal static class BankingSamples
{
    public const string MessageId = "PAIN-2026-03-02-0001";
    public const string BatchId = "BATCH-2026-03-02-A";
    public const string ExampleIban = "KZ86125KZT5004100100";

    public static readonly Debtor Treasury = new("Resettlement programme", Iban.Create("070", "KZT0000000001").Value, "KKMFKZ2A");

    public static readonly string HalykAccount = Iban.Create("601", "KZT0000000777").Value;

    public static CreditTransfer Transfer(string endToEndId, decimal amount, string name = "Nurlan Abenov", string? iban = null, string bic = "HSBKKZKX") =>
        new(endToEndId, amount, name, iban ?? HalykAccount, bic,
            $"Relocation subsidy {endToEndId}");

    public static CreditTransferOrder Order(params CreditTransfer[] transfers) =>
        new(MessageId, new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(5)), "Migration programme operator",
            Treasury, BatchId, new DateOnly(2026, 3, 2), transfers);

    /// <summary>216,300 to Halyk, 0.05 to Kaspi, 1,234,567.89 to the IBAN registry's example account.</summary>
    public static CreditTransferOrder ThreeTransfers() => Order(
        Transfer("E2E-0001", 216_300m),
        Transfer("E2E-0002", 0.05m, "Aigul Seitkali", Iban.Create("722", "0000000000042").Value, "CASPKZKA"),
        Transfer("E2E-0003", 1_234_567.89m, "Dauren Omarov", ExampleIban, "EXMPKZKA"));

    public static BankSimulator Bank() => BankSimulator.Receive(CreditTransferFile.WriteUtf8(ThreeTransfers()));

    public static XDocument Answer(BankSimulator bank, string kind, string messageId = "STMT-0001") =>
        kind == "camt.053" ? bank.Statement(messageId) : bank.Notification(messageId);

    public static BankStatement Read(XDocument document) => BankStatementFile.Read(BankSimulator.ToUtf8(document));

    public static StatementRejectedException Rejected(byte[] content) =>
        Assert.Throws<StatementRejectedException>(() => BankStatementFile.Read(content));

    public static StatementRejectedException Rejected(XDocument document) => Rejected(BankSimulator.ToUtf8(document));
}
