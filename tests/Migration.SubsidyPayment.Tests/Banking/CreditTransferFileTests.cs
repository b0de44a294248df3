using System.Globalization;
using System.Xml.Linq;
using Migration.SubsidyPayment.Banking;
using static Migration.SubsidyPayment.Tests.Banking.BankingSamples;

namespace Migration.SubsidyPayment.Tests.Banking;

/// <summary>The pain.001 the service sends: valid against the official schema, and saying exactly what was ordered.</summary>
public sealed class CreditTransferFileTests
{
    private static readonly XNamespace Ns = Iso20022MessageKinds.Pain001Namespace;

    [Fact]
    public void A_written_file_validates_against_the_official_schema()
    {
        var document = SafeXml.Load(CreditTransferFile.WriteUtf8(ThreeTransfers()));

        Assert.Empty(Iso20022Schemas.Validate(document));
        Assert.True(Iso20022Schemas.TryDetect(document, out var kind));
        Assert.Equal(Iso20022MessageKind.Pain001, kind);
    }

    [Fact]
    public void The_file_reads_back_with_its_count_control_sum_and_end_to_end_ids()
    {
        var summary = CreditTransferFile.Summarise(SafeXml.Load(CreditTransferFile.WriteUtf8(ThreeTransfers())));

        Assert.Equal(MessageId, summary.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(5)), summary.CreatedAt);
        Assert.Equal(3, summary.NumberOfTransactions);
        Assert.Equal(1_450_867.94m, summary.ControlSum);
        Assert.Equal(
            [new(BatchId, "E2E-0001", 216_300m, "KZT"), new(BatchId, "E2E-0002", 0.05m, "KZT"), new(BatchId, "E2E-0003", 1_234_567.89m, "KZT")],
            summary.Transfers);
    }

    [Fact]
    public void Header_and_batch_carry_what_the_bank_needs()
    {
        var document = CreditTransferFile.Write(ThreeTransfers());
        var batch = document.Descendants(Ns + "PmtInf").Single();

        Assert.Equal("TRF", batch.Element(Ns + "PmtMtd")?.Value);
        Assert.Equal("true", batch.Element(Ns + "BtchBookg")?.Value);
        Assert.Equal("3", batch.Element(Ns + "NbOfTxs")?.Value);
        Assert.Equal("1450867.94", batch.Element(Ns + "CtrlSum")?.Value);
        Assert.Equal("1450867.94", document.Descendants(Ns + "GrpHdr").Single().Element(Ns + "CtrlSum")?.Value);
        Assert.Equal("2026-03-02", batch.Element(Ns + "ReqdExctnDt")?.Value);
        Assert.Equal("SLEV", batch.Element(Ns + "ChrgBr")?.Value);
        Assert.Equal(Treasury.Iban, batch.Element(Ns + "DbtrAcct")?.Value);
        Assert.Equal("KKMFKZ2A", batch.Element(Ns + "DbtrAgt")?.Value);
        Assert.Equal(["HSBKKZKX", "CASPKZKA", "EXMPKZKA"], batch.Elements(Ns + "CdtTrfTxInf").Select(t => t.Element(Ns + "CdtrAgt")?.Value));
        Assert.Equal(ExampleIban, batch.Elements(Ns + "CdtTrfTxInf").Last().Element(Ns + "CdtrAcct")?.Value);
        Assert.Equal("Relocation subsidy E2E-0003", batch.Elements(Ns + "CdtTrfTxInf").Last().Element(Ns + "RmtInf")?.Value);
    }

    [Fact]
    public void Amounts_have_exactly_two_decimals_and_a_point_whatever_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-KZ"); // a decimal comma and a no-break space for thousands
        try
        {
            var amounts = CreditTransferFile.Write(ThreeTransfers()).Descendants(Ns + "InstdAmt").ToList();

            Assert.Equal(["216300.00", "0.05", "1234567.89"], amounts.Select(a => a.Value));
            Assert.All(amounts, a => Assert.Equal("KZT", (string?)a.Attribute("Ccy")));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    public static TheoryData<string, CreditTransferOrder> TooLongIds => new()
    {
        { "message id", ThreeTransfers() with { MessageId = new string('M', 36) } },
        { "payment information id", ThreeTransfers() with { PaymentInformationId = new string('P', 36) } },
        { "end-to-end id", Order(Transfer(new string('E', 36), 100m)) },
    };

    [Theory]
    [MemberData(nameof(TooLongIds))]
    public void Ids_longer_than_35_characters_are_refused(string which, CreditTransferOrder order)
    {
        var refused = Assert.Throws<ArgumentException>(() => CreditTransferFile.Write(order));
        Assert.Contains("at most 35", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(which);
    }

    [Fact]
    public void An_id_of_exactly_35_characters_is_kept_whole()
    {
        var id = new string('E', 35);
        var summary = CreditTransferFile.Summarise(CreditTransferFile.Write(Order(Transfer(id, 100m))));
        Assert.Equal(id, summary.Transfers.Single().EndToEndId);
    }

    public static TheoryData<string, CreditTransferOrder> RefusedOrders => new()
    {
        { "no transfer", Order() },
        { "a zero amount", Order(Transfer("E2E-1", 0m)) },
        { "a negative amount", Order(Transfer("E2E-1", -5m)) },
        { "three decimals", Order(Transfer("E2E-1", 10.005m)) },
        { "the same end-to-end id twice", Order(Transfer("E2E-1", 1m), Transfer("E2E-1", 2m)) },
        { "an empty end-to-end id", Order(Transfer(" ", 1m)) },
        { "a creditor IBAN with a wrong check digit", Order(Transfer("E2E-1", 1m, iban: "KZ87125KZT5004100100")) },
        { "a malformed BIC", Order(Transfer("E2E-1", 1m, bic: "HALYK")) },
        { "a creditor without a name", Order(Transfer("E2E-1", 1m, name: " \t ")) },
    };

    [Theory]
    [MemberData(nameof(RefusedOrders))]
    public void Orders_the_bank_could_not_execute_are_refused(string which, CreditTransferOrder order)
    {
        Assert.NotNull(which);
        Assert.Throws<ArgumentException>(() => CreditTransferFile.Write(order));
    }

    [Fact]
    public void Long_names_and_remittance_are_cut_to_140_characters_without_splitting_a_character()
    {
        var name = new string('A', 139) + "😀" + "tail"; // the emoji straddles the 140th position
        var remittance = "Subsidy\r\nfor\trelocation " + new string('x', 200);
        var order = Order(new CreditTransfer("E2E-1", 10m, name, ExampleIban, "EXMPKZKA", remittance)) with { InitiatingParty = name };

        var document = SafeXml.Load(CreditTransferFile.WriteUtf8(order));

        Assert.Empty(Iso20022Schemas.Validate(document));
        Assert.Equal(new string('A', 139), document.Descendants(Ns + "Cdtr").Single().Value);
        Assert.Equal(new string('A', 139), document.Descendants(Ns + "InitgPty").Single().Value);
        var ustrd = document.Descendants(Ns + "Ustrd").Single().Value;
        Assert.Equal(140, ustrd.Length);
        Assert.StartsWith("Subsidy  for relocation xxx", ustrd, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_remittance_is_left_out()
    {
        var order = Order(new CreditTransfer("E2E-1", 10m, "Nurlan Abenov", ExampleIban, "EXMPKZKA", "  "));
        Assert.Empty(CreditTransferFile.Write(order).Descendants(Ns + "RmtInf"));
    }

    [Fact]
    public void Only_a_pain_001_has_a_credit_transfer_summary()
    {
        var statement = Bank().Statement("STMT-1");
        Assert.Throws<ArgumentException>(() => CreditTransferFile.Summarise(statement));
    }
}
