using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// Reads a bank's camt.053.001.02 statement or camt.054.001.02 notification. The file is parsed without DTDs or
/// resolvers and validated against its official schema first; anything else (not XML, another message, a schema error,
/// an entry whose payments cannot be told apart) rejects the whole file with <see cref="StatementRejectedException"/>,
/// so reconciliation never works from half a statement.
/// </summary>
public static class BankStatementFile
{
    /// <summary>The ISO 20022 placeholder a bank writes when the payer gave no end-to-end id.</summary>
    private const string NotProvided = "NOTPROVIDED";

    /// <exception cref="StatementRejectedException">The file is refused; nothing is returned.</exception>
    public static BankStatement Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        return Read(stream);
    }

    /// <summary>Reads the stream to its end; the caller limits its size and disposes of it.</summary>
    /// <exception cref="StatementRejectedException">The file is refused; nothing is returned.</exception>
    public static BankStatement Read(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        XDocument document;
        try
        {
            document = SafeXml.Load(content);
        }
        catch (XmlException e)
        {
            throw new StatementRejectedException([$"The file is not well-formed XML: {e.Message}"]);
        }
        return Read(document);
    }

    /// <summary>Reads a document already loaded (through <see cref="SafeXml"/>, for line numbers in the errors).</summary>
    /// <exception cref="StatementRejectedException">The document is refused; nothing is returned.</exception>
    public static BankStatement Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (Iso20022Schemas.TryDetect(document, out var kind) && kind == Iso20022MessageKind.Pain001)
            throw new StatementRejectedException([$"The file is a {kind.FullName()} payment order, not a bank statement or notification."]);

        var errors = Iso20022Schemas.Validate(document);
        if (errors.Count > 0) throw new StatementRejectedException(errors);

        try
        {
            return Parse(document.Root!, kind);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new StatementRejectedException([e.Message]);
        }
    }

    private static BankStatement Parse(XElement root, Iso20022MessageKind kind)
    {
        var (message, report) = kind == Iso20022MessageKind.Camt053 ? ("BkToCstmrStmt", "Stmt") : ("BkToCstmrDbtCdtNtfctn", "Ntfctn");
        var body = Iso20022Xml.Required(root, message);
        var header = Iso20022Xml.Required(body, "GrpHdr");
        var entries =
            from block in Iso20022Xml.Children(body, report)
            let account = Iso20022Xml.Text(block, "Acct/Id/IBAN") ?? Iso20022Xml.Text(block, "Acct/Id/Othr/Id")
            from entry in Iso20022Xml.Children(block, "Ntry")
            select Entry(entry, account);

        return new BankStatement(
            kind.ShortName(),
            Iso20022Xml.RequiredText(header, "MsgId"),
            Iso20022Xml.DateTime(Iso20022Xml.RequiredText(header, "CreDtTm")),
            [.. entries]);
    }

    private static StatementEntry Entry(XElement entry, string? account)
    {
        var amountElement = Iso20022Xml.Required(entry, "Amt");
        var amount = Iso20022Xml.Decimal(amountElement);
        var isDebit = Iso20022Xml.RequiredText(entry, "CdtDbtInd") == "DBIT";
        var details = Iso20022Xml.Children(entry, "NtryDtls").ToList();
        var batch = details.Select(d => Iso20022Xml.Child(d, "Btch")).FirstOrDefault(b => b is not null);
        var transactions = details.SelectMany(d => Iso20022Xml.Children(d, "TxDtls")).ToList();
        var reference = Iso20022Xml.Text(entry, "AcctSvcrRef");

        IReadOnlyList<StatementTransaction> payments = transactions.Count == 0
            ? [new StatementTransaction(null, amount, isDebit, null, null, IsReturned: false)]
            : [.. transactions.Select(t => Transaction(t, transactions.Count == 1 ? amount : null, isDebit, reference))];

        return new StatementEntry(
            Iso20022Xml.Text(entry, "NtryRef"),
            reference,
            amount,
            (string?)amountElement.Attribute("Ccy") ?? "",
            isDebit,
            Iso20022Xml.RequiredText(entry, "Sts"),
            BookingDate(entry),
            batch is null ? null : Batch(batch),
            payments,
            account);
    }

    private static StatementTransaction Transaction(XElement transaction, decimal? entryAmount, bool isDebit, string? entryReference)
    {
        var endToEndId = Iso20022Xml.Text(transaction, "Refs/EndToEndId");
        if (endToEndId == NotProvided) endToEndId = null;

        var amountElement = Iso20022Xml.Child(transaction, "AmtDtls") is { } details
            ? Iso20022Xml.Child(details, "TxAmt") is { } txAmount ? Iso20022Xml.Child(txAmount, "Amt") : null
            : null;
        var amount = amountElement is not null
            ? Iso20022Xml.Decimal(amountElement)
            : entryAmount ?? throw new FormatException(
                $"Entry {entryReference ?? "without reference"} has several transactions and the one {endToEndId ?? "without end-to-end id"} has no AmtDtls/TxAmt: its amount is unknown.");

        var returned = Iso20022Xml.Child(transaction, "RtrInf");
        var reason = returned is null ? null : Iso20022Xml.Children(returned, "AddtlInf").Select(a => a.Value.Trim()).Where(a => a.Length > 0).ToList();
        return new StatementTransaction(
            endToEndId,
            amount,
            isDebit,
            returned is null ? null : Iso20022Xml.Text(returned, "Rsn/Cd") ?? Iso20022Xml.Text(returned, "Rsn/Prtry"),
            reason is { Count: > 0 } ? string.Join(" ", reason) : null,
            IsReturned: returned is not null);
    }

    private static StatementBatch Batch(XElement batch) => new(
        Iso20022Xml.Text(batch, "MsgId"),
        Iso20022Xml.Text(batch, "PmtInfId"),
        Iso20022Xml.Text(batch, "NbOfTxs") is { } count ? Count(count) : null,
        Iso20022Xml.Child(batch, "TtlAmt") is { } total ? Iso20022Xml.Decimal(total) : null);

    private static int Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new FormatException($"The batch's number of transactions {text} is out of range.");

    private static DateOnly? BookingDate(XElement entry) =>
        Iso20022Xml.Text(entry, "BookgDt/Dt") is { } date ? Iso20022Xml.Date(date)
        : Iso20022Xml.Text(entry, "BookgDt/DtTm") is { } dateTime ? DateOnly.FromDateTime(Iso20022Xml.DateTime(dateTime).DateTime)
        : null;
}
