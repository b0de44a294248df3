using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Migration.SimulatedBank;

/// <summary>
/// A bank for tests: it receives a pain.001.001.03 disbursement file and answers with the camt.053.001.02 statement or
/// camt.054.001.02 notification a Kazakh bank would send, with the outcomes the test chooses. It writes the XML itself
/// and references no service code, so a service's reader is tested against files it did not help to write.
/// </summary>
/// <remarks>
/// Per payment-information block of the order, the statement has one batch-booked debit entry, as a bank books an
/// executed file: NtryDtls/Btch with the order's MsgId and PmtInfId, the number and total of all its transfers, and one
/// TxDtls per transfer. A transfer <see cref="Return"/> names was executed and came back: it is in the debit entry and
/// also has its own credit entry with RtrInf; <see cref="AddUnmatched"/> adds entries the service never ordered. References are derived from the order,
/// so the same outcome written twice under two message ids has the same entries (a re-sent file).
/// </remarks>
public sealed class BankSimulator
{
    private const string Pain001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    private const string Camt053 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
    private const string Camt054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02";
    private const string Currency = "KZT";

    private readonly string orderMessageId;
    private readonly IReadOnlyList<Batch> batches;
    private readonly Dictionary<string, (string Code, string? Reason)> returns = new(StringComparer.Ordinal);
    private readonly List<Unmatched> unmatched = [];
    private readonly Dictionary<string, decimal> tamperedTotals = new(StringComparer.Ordinal);
    private decimal? tamperedTotalForAll;

    private BankSimulator(XDocument pain001)
    {
        var ns = (XNamespace)Pain001;
        var initiation = pain001.Root?.Element(ns + "CstmrCdtTrfInitn")
            ?? throw new ArgumentException("The file is not a pain.001.001.03 credit-transfer initiation.", nameof(pain001));
        orderMessageId = Text(initiation.Element(ns + "GrpHdr"), ns + "MsgId");
        batches =
        [
            .. initiation.Elements(ns + "PmtInf").Select(p => new Batch(
                Text(p, ns + "PmtInfId"),
                Text(p.Element(ns + "DbtrAcct")?.Element(ns + "Id"), ns + "IBAN"),
                DateOnly.ParseExact(Text(p, ns + "ReqdExctnDt"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                [
                    .. p.Elements(ns + "CdtTrfTxInf").Select(t => new Transfer(
                        Text(t.Element(ns + "PmtId"), ns + "EndToEndId"),
                        decimal.Parse(Text(t.Element(ns + "Amt"), ns + "InstdAmt"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture))),
                ])),
        ];
        if (batches.Count == 0) throw new ArgumentException("The pain.001 has no payment information.", nameof(pain001));
        CreatedAt = new DateTimeOffset(batches[0].ExecutionDate.ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(5));
    }

    /// <summary>When the bank writes its answer; by default 18:00 Astana time on the first batch's execution date.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The account's balance before the day's entries (camt.053 only).</summary>
    public decimal OpeningBalance { get; set; } = 100_000_000m;

    public static BankSimulator Receive(string pain001Xml)
    {
        ArgumentNullException.ThrowIfNull(pain001Xml);
        using var reader = XmlReader.Create(new StringReader(pain001Xml), SafeSettings);
        return new BankSimulator(XDocument.Load(reader));
    }

    public static BankSimulator Receive(byte[] pain001)
    {
        ArgumentNullException.ThrowIfNull(pain001);
        using var reader = XmlReader.Create(new MemoryStream(pain001, writable: false), SafeSettings);
        return new BankSimulator(XDocument.Load(reader));
    }

    /// <summary>The transfer <paramref name="endToEndId"/> is not paid: it comes back as a credit with the reason.</summary>
    /// <param name="reasonCode">An ISO external return reason, e.g. AC04 (closed account), AC01 (wrong account), MD07 (deceased).</param>
    public BankSimulator Return(string endToEndId, string reasonCode, string? reason = null)
    {
        if (!batches.SelectMany(b => b.Transfers).Any(t => t.EndToEndId == endToEndId))
            throw new ArgumentException($"The order has no transfer {endToEndId} to return.", nameof(endToEndId));
        returns[endToEndId] = (reasonCode, reason);
        return this;
    }

    /// <summary>An entry the service never ordered, with an end-to-end id it does not know (and a return reason, if given).</summary>
    public BankSimulator AddUnmatched(string endToEndId, decimal amount, bool isDebit = false, string? returnReasonCode = null)
    {
        unmatched.Add(new Unmatched(endToEndId, amount, isDebit, returnReasonCode));
        return this;
    }

    /// <summary>Writes <paramref name="total"/> as the batch total (Btch/TtlAmt) instead of the true sum: a bank's mistake.</summary>
    /// <param name="paymentInformationId">The batch to tamper with; every batch when null.</param>
    public BankSimulator TamperBatchTotal(decimal total, string? paymentInformationId = null)
    {
        if (paymentInformationId is null) tamperedTotalForAll = total;
        else tamperedTotals[paymentInformationId] = total;
        return this;
    }

    /// <summary>The end-of-day camt.053.001.02 statement, one Stmt per debtor account, with opening and closing balances.</summary>
    public XDocument Statement(string messageId) => Write(Camt053, "BkToCstmrStmt", "Stmt", messageId);

    /// <summary>The same entries as a camt.054.001.02 debit/credit notification, one Ntfctn per debtor account.</summary>
    public XDocument Notification(string messageId) => Write(Camt054, "BkToCstmrDbtCdtNtfctn", "Ntfctn", messageId);

    /// <summary>A document as the bank sends it: UTF-8 without byte-order mark.</summary>
    public static byte[] ToUtf8(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return buffer.ToArray();
    }

    private static readonly XmlReaderSettings SafeSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private XDocument Write(XNamespace ns, string message, string report, string messageId)
    {
        var createdAt = XmlConvert.ToString(CreatedAt);
        var reports = batches.GroupBy(b => b.DebtorIban, StringComparer.Ordinal).Select((account, index) =>
        {
            var entries = account.SelectMany(Entries).ToList();
            if (index == 0) entries.AddRange(unmatched.Select(UnmatchedEntry));
            var day = account.Min(b => b.ExecutionDate);
            var closing = OpeningBalance + entries.Sum(e => e.IsDebit ? -e.Amount : e.Amount);
            return new XElement(ns + report,
                new XElement(ns + "Id", Reference("S", messageId, account.Key)),
                new XElement(ns + "CreDtTm", createdAt),
                new XElement(ns + "Acct",
                    new XElement(ns + "Id", new XElement(ns + "IBAN", account.Key)),
                    new XElement(ns + "Ccy", Currency)),
                report == "Stmt" ? new[] { Balance(ns, "OPBD", OpeningBalance, day), Balance(ns, "CLBD", closing, day) } : null,
                entries.Select(e => e.ToXml(ns)));
        });

        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(ns + "Document",
                new XElement(ns + message,
                    new XElement(ns + "GrpHdr",
                        new XElement(ns + "MsgId", messageId),
                        new XElement(ns + "CreDtTm", createdAt)),
                    reports)));
    }

    private IEnumerable<Entry> Entries(Batch batch)
    {
        var paid = batch.Transfers.ToList();
        if (paid.Count > 0)
        {
            var total = tamperedTotals.TryGetValue(batch.PaymentInformationId, out var tampered) ? tampered
                : tamperedTotalForAll ?? paid.Sum(t => t.Amount);
            yield return new Entry(
                Reference("B", orderMessageId, batch.PaymentInformationId), paid.Sum(t => t.Amount), IsDebit: true, batch.ExecutionDate, "DMCT",
                new BatchInfo(orderMessageId, batch.PaymentInformationId, paid.Count, total),
                [.. paid.Select(t => new EntryTransaction(t.EndToEndId, t.Amount, null, null))]);
        }
        foreach (var transfer in batch.Transfers.Where(t => returns.ContainsKey(t.EndToEndId)))
        {
            var (code, reason) = returns[transfer.EndToEndId];
            yield return new Entry(
                Reference("R", orderMessageId, transfer.EndToEndId), transfer.Amount, IsDebit: false, batch.ExecutionDate, "RRTN", null,
                [new EntryTransaction(transfer.EndToEndId, transfer.Amount, code, reason)]);
        }
    }

    private Entry UnmatchedEntry(Unmatched extra, int index) => new(
        Reference("U", orderMessageId, index.ToString(CultureInfo.InvariantCulture), extra.EndToEndId), extra.Amount, extra.IsDebit,
        batches[0].ExecutionDate, extra.ReturnReasonCode is null ? "DMCT" : "RRTN", null,
        [new EntryTransaction(extra.EndToEndId, extra.Amount, extra.ReturnReasonCode, null)]);

    private static XElement Balance(XNamespace ns, string type, decimal amount, DateOnly day) =>
        new(ns + "Bal",
            new XElement(ns + "Tp", new XElement(ns + "CdOrPrtry", new XElement(ns + "Cd", type))),
            Amount(ns, "Amt", Math.Abs(amount)),
            new XElement(ns + "CdtDbtInd", amount < 0 ? "DBIT" : "CRDT"),
            new XElement(ns + "Dt", new XElement(ns + "Dt", Date(day))));

    private static XElement Amount(XNamespace ns, string name, decimal amount) =>
        new(ns + name, new XAttribute("Ccy", Currency), amount.ToString("0.00", CultureInfo.InvariantCulture));

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A bank reference of at most 35 characters that depends only on its parts, so re-sent files repeat it.</summary>
    private static string Reference(string prefix, params string[] parts) =>
        prefix.Length <= 8 && parts.Length > 0
            ? $"{prefix}-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..20]}"
            : throw new ArgumentException("A reference prefix has at most 8 characters.", nameof(prefix));

    private static string Text(XElement? parent, XName name) =>
        parent?.Element(name)?.Value.Trim() is { Length: > 0 } text
            ? text
            : throw new ArgumentException($"The pain.001 has no {name.LocalName} under {parent?.Name.LocalName ?? "its parent"}.");

    private sealed record Batch(string PaymentInformationId, string DebtorIban, DateOnly ExecutionDate, IReadOnlyList<Transfer> Transfers);

    private sealed record Transfer(string EndToEndId, decimal Amount);

    private sealed record Unmatched(string EndToEndId, decimal Amount, bool IsDebit, string? ReturnReasonCode);

    private sealed record BatchInfo(string MessageId, string PaymentInformationId, int Count, decimal Total);

    private sealed record EntryTransaction(string EndToEndId, decimal Amount, string? ReturnReasonCode, string? ReturnReason);

    private sealed record Entry(
        string Reference, decimal Amount, bool IsDebit, DateOnly BookingDate, string SubFamily, BatchInfo? Batch,
        IReadOnlyList<EntryTransaction> Transactions)
    {
        private string Direction => IsDebit ? "DBIT" : "CRDT";

        public XElement ToXml(XNamespace ns) =>
            new(ns + "Ntry",
                new XElement(ns + "NtryRef", Reference),
                BankSimulator.Amount(ns, "Amt", Amount),
                new XElement(ns + "CdtDbtInd", Direction),
                new XElement(ns + "Sts", "BOOK"),
                new XElement(ns + "BookgDt", new XElement(ns + "Dt", Date(BookingDate))),
                new XElement(ns + "ValDt", new XElement(ns + "Dt", Date(BookingDate))),
                new XElement(ns + "AcctSvcrRef", Reference),
                new XElement(ns + "BkTxCd",
                    new XElement(ns + "Domn",
                        new XElement(ns + "Cd", "PMNT"),
                        new XElement(ns + "Fmly", new XElement(ns + "Cd", "ICDT"), new XElement(ns + "SubFmlyCd", SubFamily)))),
                new XElement(ns + "NtryDtls",
                    Batch is null ? null : new XElement(ns + "Btch",
                        new XElement(ns + "MsgId", Batch.MessageId),
                        new XElement(ns + "PmtInfId", Batch.PaymentInformationId),
                        new XElement(ns + "NbOfTxs", Batch.Count.ToString(CultureInfo.InvariantCulture)),
                        BankSimulator.Amount(ns, "TtlAmt", Batch.Total),
                        new XElement(ns + "CdtDbtInd", Direction)),
                    Transactions.Select(t => new XElement(ns + "TxDtls",
                        new XElement(ns + "Refs",
                            Batch is null ? null : new XElement(ns + "MsgId", Batch.MessageId),
                            Batch is null ? null : new XElement(ns + "PmtInfId", Batch.PaymentInformationId),
                            new XElement(ns + "EndToEndId", t.EndToEndId)),
                        new XElement(ns + "AmtDtls", new XElement(ns + "TxAmt", BankSimulator.Amount(ns, "Amt", t.Amount))),
                        t.ReturnReasonCode is null ? null : new XElement(ns + "RtrInf",
                            new XElement(ns + "Rsn", new XElement(ns + "Cd", t.ReturnReasonCode)),
                            t.ReturnReason is null ? null : new XElement(ns + "AddtlInf", t.ReturnReason[..Math.Min(105, t.ReturnReason.Length)]))))));
    }
}
