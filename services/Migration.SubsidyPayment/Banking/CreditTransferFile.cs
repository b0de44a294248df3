using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// Writes a disbursement batch as an ISO 20022 pain.001.001.03 file, the customer credit-transfer initiation that
/// Kazakh banks accept for bulk payments, and reads the summary of such a file back.
/// </summary>
/// <remarks>
/// The order is checked before anything is written (identifiers of at most 35 characters, positive amounts in tiyn,
/// Kazakhstan IBANs, well-formed BICs, unique end-to-end ids), and the written document is validated against the
/// official schema before it is returned: a file the bank would refuse never leaves the service.
/// </remarks>
public static class CreditTransferFile
{
    private static readonly XNamespace Ns = Iso20022MessageKinds.Pain001Namespace;

    /// <summary>The pain.001 document of <paramref name="order"/>.</summary>
    /// <exception cref="ArgumentException">The order is empty, or a value breaks the rules above.</exception>
    public static XDocument Write(CreditTransferOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var messageId = Iso20022Text.Identifier(order.MessageId, nameof(order));
        var paymentInformationId = Iso20022Text.Identifier(order.PaymentInformationId, nameof(order));
        if (order.Transfers is not { Count: > 0 })
            throw new ArgumentException("A credit-transfer order needs at least one transfer.", nameof(order));
        ArgumentNullException.ThrowIfNull(order.Debtor);

        var transfers = order.Transfers.Select(Transaction).ToList();
        var duplicate = order.Transfers.GroupBy(t => t.EndToEndId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"The end-to-end id {duplicate.Key} is used by {duplicate.Count()} transfers; each names one payment.", nameof(order));

        var count = order.Transfers.Count.ToString(CultureInfo.InvariantCulture);
        var controlSum = Iso20022Text.FormatAmount(order.Transfers.Sum(t => t.AmountKzt));

        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ns + "Document",
                new XElement(Ns + "CstmrCdtTrfInitn",
                    new XElement(Ns + "GrpHdr",
                        new XElement(Ns + "MsgId", messageId),
                        new XElement(Ns + "CreDtTm", order.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)),
                        new XElement(Ns + "NbOfTxs", count),
                        new XElement(Ns + "CtrlSum", controlSum),
                        new XElement(Ns + "InitgPty", new XElement(Ns + "Nm", Iso20022Text.Name(order.InitiatingParty, nameof(order))))),
                    new XElement(Ns + "PmtInf",
                        new XElement(Ns + "PmtInfId", paymentInformationId),
                        new XElement(Ns + "PmtMtd", "TRF"),
                        new XElement(Ns + "BtchBookg", "true"),
                        new XElement(Ns + "NbOfTxs", count),
                        new XElement(Ns + "CtrlSum", controlSum),
                        new XElement(Ns + "ReqdExctnDt", order.ExecutionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        new XElement(Ns + "Dbtr", new XElement(Ns + "Nm", Iso20022Text.Name(order.Debtor.Name, nameof(order)))),
                        Account("DbtrAcct", Iso20022Text.Iban(order.Debtor.Iban, nameof(order))),
                        Agent("DbtrAgt", Iso20022Text.Bic(order.Debtor.Bic, nameof(order))),
                        new XElement(Ns + "ChrgBr", "SLEV"),
                        transfers))));

        var errors = Iso20022Schemas.Validate(document, Iso20022MessageKind.Pain001);
        return errors.Count == 0
            ? document
            : throw new InvalidOperationException($"The pain.001 written for {messageId} breaks its schema: {string.Join(" | ", errors)}");
    }

    /// <summary>The pain.001 file of <paramref name="order"/> as the bank receives it: UTF-8 without byte-order mark.</summary>
    public static byte[] WriteUtf8(CreditTransferOrder order) => ToUtf8(Write(order));

    /// <summary>Serialises an ISO 20022 document as UTF-8 without byte-order mark, indented, with its XML declaration.</summary>
    public static byte[] ToUtf8(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return buffer.ToArray();
    }

    /// <summary>Reads the header and the transfers of a pain.001.001.03 document (which should be schema-valid).</summary>
    /// <exception cref="ArgumentException">The document is not a pain.001.001.03.</exception>
    /// <exception cref="FormatException">A mandatory element is missing or malformed.</exception>
    public static CreditTransferSummary Summarise(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!Iso20022Schemas.TryDetect(document, out var kind) || kind != Iso20022MessageKind.Pain001)
            throw new ArgumentException("The document is not a pain.001.001.03 credit-transfer initiation.", nameof(document));

        var initiation = Iso20022Xml.Required(document.Root!, "CstmrCdtTrfInitn");
        var header = Iso20022Xml.Required(initiation, "GrpHdr");
        var transfers =
            from batch in initiation.Elements(Ns + "PmtInf")
            let batchId = Iso20022Xml.RequiredText(batch, "PmtInfId")
            from transfer in batch.Elements(Ns + "CdtTrfTxInf")
            let amount = Iso20022Xml.Required(Iso20022Xml.Required(transfer, "Amt"), "InstdAmt")
            select new CreditTransferLine(
                batchId,
                Iso20022Xml.RequiredText(Iso20022Xml.Required(transfer, "PmtId"), "EndToEndId"),
                Iso20022Xml.Decimal(amount),
                (string?)amount.Attribute("Ccy") ?? "");

        return new CreditTransferSummary(
            Iso20022Xml.RequiredText(header, "MsgId"),
            Iso20022Xml.DateTime(Iso20022Xml.RequiredText(header, "CreDtTm")),
            XmlConvert.ToInt32(Iso20022Xml.RequiredText(header, "NbOfTxs")),
            Iso20022Xml.Child(header, "CtrlSum") is { } sum ? Iso20022Xml.Decimal(sum) : 0m,
            [.. transfers]);
    }

    private static XElement Transaction(CreditTransfer transfer, int index)
    {
        var parameter = $"{nameof(CreditTransferOrder.Transfers)}[{index}]";
        if (transfer is null) throw new ArgumentException("A transfer must not be null.", parameter);
        var remittance = Iso20022Text.Clip(transfer.RemittanceInformation);
        return new XElement(Ns + "CdtTrfTxInf",
            new XElement(Ns + "PmtId", new XElement(Ns + "EndToEndId", Iso20022Text.Identifier(transfer.EndToEndId, parameter))),
            new XElement(Ns + "Amt",
                new XElement(Ns + "InstdAmt",
                    new XAttribute("Ccy", "KZT"),
                    Iso20022Text.FormatAmount(Iso20022Text.Amount(transfer.AmountKzt, parameter)))),
            Agent("CdtrAgt", Iso20022Text.Bic(transfer.CreditorBic, parameter)),
            new XElement(Ns + "Cdtr", new XElement(Ns + "Nm", Iso20022Text.Name(transfer.CreditorName, parameter))),
            Account("CdtrAcct", Iso20022Text.Iban(transfer.CreditorIban, parameter)),
            remittance is null ? null : new XElement(Ns + "RmtInf", new XElement(Ns + "Ustrd", remittance)));
    }

    private static XElement Account(string element, string iban) =>
        new(Ns + element, new XElement(Ns + "Id", new XElement(Ns + "IBAN", iban)));

    private static XElement Agent(string element, string bic) =>
        new(Ns + element, new XElement(Ns + "FinInstnId", new XElement(Ns + "BIC", bic)));
}
