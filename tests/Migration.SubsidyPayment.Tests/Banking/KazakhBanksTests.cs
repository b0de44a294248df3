using Migration.Identifiers;
using Migration.SubsidyPayment.Banking;

namespace Migration.SubsidyPayment.Tests.Banking;

/// <summary>The bank of a beneficiary follows from the bank code inside the IBAN.</summary>
public sealed class KazakhBanksTests
{
    [Theory]
    [InlineData("601", "HSBKKZKX", "Halyk")]
    [InlineData("722", "CASPKZKA", "Kaspi")]
    [InlineData("856", "KCJBKZKX", "CenterCredit")]
    [InlineData("965", "IRTYKZKA", "Forte")]
    [InlineData("998", "TSESKZKA", "Jusan")]
    [InlineData("948", "EURIKZKA", "Eurasian")]
    [InlineData("821", "KINCKZKA", "RBK")]
    [InlineData("886", "INLMKZKA", "Home Credit")]
    [InlineData("914", "SABRKZKA", "Bereke")]
    [InlineData("070", "KKMFKZ2A", "Treasury")]
    public void The_main_banks_are_found_by_code(string code, string bic, string name)
    {
        Assert.True(KazakhBanks.TryFind(code, out var bank));
        Assert.Equal(code, bank.Code);
        Assert.Equal(bic, bank.Bic);
        Assert.Contains(name, bank.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void The_example_IBAN_has_a_bank()
    {
        Assert.True(KazakhBanks.TryFind(Iban.Parse(BankingSamples.ExampleIban), out var bank));
        Assert.Equal("125", bank.Code);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("60")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_code_is_not_found(string? code)
    {
        Assert.False(KazakhBanks.TryFind(code, out var bank));
        Assert.Null(bank);
    }

    [Fact]
    public void Every_bank_can_be_paid_by_a_valid_file()
    {
        var transfers = KazakhBanks.All.Select(b =>
            BankingSamples.Transfer($"E2E-{b.Code}", 1m, iban: Iban.Create(b.Code, "KZT0000000001").Value, bic: b.Bic));

        var document = CreditTransferFile.Write(BankingSamples.Order([.. transfers]));

        Assert.Empty(Iso20022Schemas.Validate(document));
        Assert.Equal(KazakhBanks.All.Count, CreditTransferFile.Summarise(document).NumberOfTransactions);
    }
}
