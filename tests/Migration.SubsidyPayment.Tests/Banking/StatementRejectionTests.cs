using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Migration.SubsidyPayment.Banking;
using Migration.SimulatedBank;
using static Migration.SubsidyPayment.Tests.Banking.BankingSamples;

namespace Migration.SubsidyPayment.Tests.Banking;

/// <summary>Files the import must refuse whole, with the reasons, before reading anything from them.</summary>
public sealed class StatementRejectionTests
{
    [Theory]
    [InlineData("camt.053")]
    [InlineData("camt.054")]
    public void A_file_without_group_header_is_rejected_with_the_schema_errors_and_their_lines(string kind)
    {
        var document = Answer(Bank(), kind);
        document.Descendants().Single(e => e.Name.LocalName == "GrpHdr").Remove();

        var rejected = Rejected(document);

        Assert.NotEmpty(rejected.Errors);
        Assert.Matches(@"^Line \d+, position \d+: ", rejected.Errors[0]);
        Assert.Contains("GrpHdr", rejected.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,450,867.94")]
    [InlineData("1450867,94")]
    [InlineData("-1450867.94")]
    [InlineData("1450867.123456")]
    public void An_amount_in_a_wrong_format_is_rejected(string amount)
    {
        var document = Bank().Statement("STMT-1");
        document.Descendants().First(e => e.Name.LocalName == "Ntry").Elements().Single(e => e.Name.LocalName == "Amt").Value = amount;

        var rejected = Rejected(document);

        Assert.Contains(rejected.Errors, e => e.Contains("Amt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("MsgId;CreDtTm\nSTMT-1;2026-03-02")]
    [InlineData("<Document><unclosed></Document>")]
    [InlineData("%PDF-1.7")]
    public void A_file_that_is_not_XML_is_rejected(string content)
    {
        var rejected = Rejected(Encoding.UTF8.GetBytes(content));

        Assert.StartsWith("The file is not well-formed XML", Assert.Single(rejected.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_payment_order_offered_as_a_statement_is_rejected()
    {
        var rejected = Rejected(CreditTransferFile.WriteUtf8(ThreeTransfers()));

        Assert.Contains("pain.001.001.03", Assert.Single(rejected.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08")]
    [InlineData("urn:example:not-iso")]
    [InlineData("")]
    public void A_message_of_another_kind_or_version_is_an_error_not_an_exception(string namespaceName)
    {
        var document = XDocument.Parse($"<Document xmlns=\"{namespaceName}\"><BkToCstmrStmt/></Document>");

        var errors = Iso20022Schemas.Validate(document);

        Assert.Contains("is not one of pain.001.001.03, camt.053.001.02, camt.054.001.02", Assert.Single(errors), StringComparison.Ordinal);
        Assert.NotEmpty(Rejected(document).Errors);
    }

    [Fact]
    public void An_external_entity_is_refused_without_being_resolved()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var statement = Encoding.UTF8.GetString(BankSimulator.ToUtf8(Bank().Statement("PLACEHOLDER")));
            var payload = statement
                .Replace("<Document", $"<!DOCTYPE Document [ <!ENTITY xxe SYSTEM \"file://{secret}\"> ]>\n<Document", StringComparison.Ordinal)
                .Replace("PLACEHOLDER", "&xxe;", StringComparison.Ordinal);

            var rejected = Rejected(Encoding.UTF8.GetBytes(payload));

            Assert.Contains("DTD", Assert.Single(rejected.Errors), StringComparison.Ordinal);
            Assert.DoesNotContain("TOP-SECRET", rejected.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void An_entity_expansion_bomb_is_refused()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [ <!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++) laughs.Append(CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};&lol{i - 1};\">");
        laughs.Append(" ]>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&lol9;</Document>");

        var rejected = Rejected(Encoding.UTF8.GetBytes(laughs.ToString()));

        Assert.Contains("DTD", Assert.Single(rejected.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_validations_against_the_shared_schemas_agree()
    {
        var valid = BankSimulator.ToUtf8(Bank().Statement("STMT-1"));
        var invalid = Answer(Bank(), "camt.054");
        invalid.Descendants().Single(e => e.Name.LocalName == "GrpHdr").Remove();
        var invalidBytes = BankSimulator.ToUtf8(invalid);

        var results = Enumerable.Range(0, 64).AsParallel().AsOrdered().WithDegreeOfParallelism(8)
            .Select(i => Iso20022Schemas.Validate(SafeXml.Load(i % 2 == 0 ? valid : invalidBytes)).Count)
            .ToList();

        var expected = Iso20022Schemas.Validate(SafeXml.Load(invalidBytes)).Count;
        Assert.True(expected > 0);
        Assert.All(results.Where((_, i) => i % 2 == 0), count => Assert.Equal(0, count));
        Assert.All(results.Where((_, i) => i % 2 == 1), count => Assert.Equal(expected, count));
    }
}
