using System.Xml.Linq;
using Migration.SubsidyPayment.Banking;
using Migration.SimulatedBank;
using static Migration.SubsidyPayment.Tests.Banking.BankingSamples;

namespace Migration.SubsidyPayment.Tests.Banking;

/// <summary>Statements and notifications from the bank simulator: valid against their schemas, and read back entry by entry.</summary>
public sealed class BankStatementFileTests
{
    public static TheoryData<string> Kinds => ["camt.053", "camt.054"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_simulated_answer_validates_against_its_official_schema(string kind)
    {
        var bank = Bank().Return("E2E-0002", "AC04", "Account closed").AddUnmatched("UNKNOWN-77", 5_000m).TamperBatchTotal(1m);
        var document = SafeXml.Load(BankSimulator.ToUtf8(Answer(bank, kind)));

        Assert.Empty(Iso20022Schemas.Validate(document));
        Assert.True(Iso20022Schemas.TryDetect(document, out var detected));
        Assert.Equal(kind, detected.ShortName());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Paid_returned_and_unmatched_payments_read_back(string kind)
    {
        var bank = Bank().Return("E2E-0002", "AC04", "Account closed").AddUnmatched("UNKNOWN-77", 5_000m);

        var statement = Read(Answer(bank, kind, "STMT-0001"));

        Assert.Equal(kind, statement.Kind);
        Assert.Equal("STMT-0001", statement.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.FromHours(5)), statement.CreatedAt);
        Assert.Equal(3, statement.Entries.Count);
        Assert.All(statement.Entries, e =>
        {
            Assert.Equal("KZT", e.Currency);
            Assert.Equal("BOOK", e.Status);
            Assert.Equal(new DateOnly(2026, 3, 2), e.BookingDate);
            Assert.Equal(Treasury.Iban, e.Account);
            Assert.NotNull(e.AccountServicerReference);
        });

        var batch = statement.Entries[0];
        Assert.True(batch.IsDebit);
        Assert.Equal(1_450_867.94m, batch.Amount); // the whole file was executed; the returned 0.05 comes back as a credit
        Assert.Equal(new StatementBatch(MessageId, BatchId, 3, 1_450_867.94m), batch.Batch);
        Assert.Equal(
            [new("E2E-0001", 216_300m, true, null, null, false), new("E2E-0002", 0.05m, true, null, null, false), new("E2E-0003", 1_234_567.89m, true, null, null, false)],
            batch.Transactions);

        var returned = statement.Entries[1];
        Assert.False(returned.IsDebit);
        Assert.Equal(0.05m, returned.Amount);
        Assert.Null(returned.Batch);
        Assert.Equal(new StatementTransaction("E2E-0002", 0.05m, false, "AC04", "Account closed", true), returned.Transactions.Single());

        var unmatched = statement.Entries[2];
        Assert.False(unmatched.IsDebit);
        Assert.Equal(new StatementTransaction("UNKNOWN-77", 5_000m, false, null, null, false), unmatched.Transactions.Single());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_tampered_batch_total_is_read_as_the_bank_wrote_it(string kind)
    {
        var statement = Read(Answer(Bank().TamperBatchTotal(1_000_000m), kind));

        var entry = statement.Entries.Single();
        Assert.Equal(1_000_000m, entry.Batch?.TotalAmount);
        Assert.Equal(3, entry.Batch?.NumberOfTransactions);
        Assert.Equal(1_450_867.94m, entry.Amount);
        Assert.Equal(1_450_867.94m, entry.Transactions.Sum(t => t.Amount));
    }

    [Fact]
    public void A_deceased_beneficiary_returned_with_a_debit_still_counts_as_returned()
    {
        var statement = Read(Answer(Bank().AddUnmatched("E2E-0001", 216_300m, isDebit: true, returnReasonCode: "MD07"), "camt.053"));

        var transaction = statement.Entries[^1].Transactions.Single();
        Assert.True(transaction.IsDebit);
        Assert.True(transaction.IsReturned);
        Assert.Equal("MD07", transaction.ReturnReasonCode);
    }

    [Fact]
    public void The_same_statement_under_another_message_id_has_the_same_entries()
    {
        var bank = Bank().Return("E2E-0003", "AC01");

        var first = Read(bank.Statement("STMT-A"));
        var again = Read(bank.Statement("STMT-B"));

        Assert.Equal("STMT-A", first.MessageId);
        Assert.Equal("STMT-B", again.MessageId);
        Assert.Equal(first.Entries.Select(e => e.AccountServicerReference), again.Entries.Select(e => e.AccountServicerReference));
        Assert.Equal(first.Entries.SelectMany(e => e.Transactions), again.Entries.SelectMany(e => e.Transactions));
    }

    [Fact]
    public void An_entry_without_details_is_one_transaction_without_end_to_end_id()
    {
        var document = Bank().Statement("STMT-1");
        Elements(document, "NtryDtls").Remove();

        var entry = Read(document).Entries.Single();

        Assert.Null(entry.Batch);
        Assert.Equal(new StatementTransaction(null, 1_450_867.94m, true, null, null, false), entry.Transactions.Single());
    }

    [Fact]
    public void A_single_transaction_without_its_own_amount_has_the_entry_amount_and_NOTPROVIDED_is_no_id()
    {
        var document = Bank().Return("E2E-0002", "AC04").Statement("STMT-1");
        var returned = Elements(document, "TxDtls").Single(t => t.Descendants().Any(d => d.Name.LocalName == "RtrInf"));
        returned.Elements().Where(e => e.Name.LocalName == "AmtDtls").Remove();
        returned.Descendants().Single(e => e.Name.LocalName == "EndToEndId").Value = "NOTPROVIDED";

        var transaction = Read(document).Entries[1].Transactions.Single();

        Assert.Null(transaction.EndToEndId);
        Assert.Equal(0.05m, transaction.Amount);
    }

    [Fact]
    public void Several_transactions_without_their_own_amounts_cannot_be_told_apart_and_are_rejected()
    {
        var document = Bank().Statement("STMT-1");
        Elements(document, "AmtDtls").Remove();

        var rejected = Rejected(document);

        Assert.Contains(rejected.Errors, e => e.Contains("amount is unknown", StringComparison.Ordinal));
    }

    private static List<XElement> Elements(XDocument document, string localName) =>
        document.Descendants().Where(e => e.Name.LocalName == localName).ToList();
}
