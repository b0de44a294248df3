using Migration.Identifiers;

namespace Migration.Identifiers.Tests;

public class IbanTests
{
    private const string Example = "KZ86125KZT5004100100";

    [Theory]
    [InlineData(Example)]
    [InlineData("KZ86 125K ZT50 0410 0100")]
    [InlineData("kz86125kzt5004100100")]
    [InlineData(" kz86 125k zt50 0410 0100 ")]
    [InlineData("KZ86\u00A0125K\u00A0ZT50\u00A00410\u00A00100")] // no-break spaces, as pasted from documents
    public void The_example_passes_in_any_spacing_and_case(string input)
    {
        Assert.Equal(IbanValidation.Valid, Iban.Validate(input));
        var iban = Iban.Parse(input);
        Assert.Equal(Example, iban.Value);
        Assert.Equal("86", iban.CheckDigits);
        Assert.Equal("125", iban.BankCode);
        Assert.Equal("KZT5004100100", iban.Account);
    }

    [Fact]
    public void The_masked_form_keeps_country_check_digits_and_the_last_four()
    {
        Assert.Equal("KZ86 **** **** **** 0100", Iban.Parse(Example).Masked);
    }

    [Theory]
    [InlineData(null, IbanValidation.Missing)]
    [InlineData("", IbanValidation.Missing)]
    [InlineData("    ", IbanValidation.Missing)]
    [InlineData("DE89370400440532013000", IbanValidation.WrongCountry)] // a valid German IBAN
    [InlineData("KG86125KZT5004100100", IbanValidation.WrongCountry)]
    [InlineData("K", IbanValidation.WrongLength)]
    [InlineData("KZ86125KZT500410010", IbanValidation.WrongLength)]
    [InlineData("KZ86125KZT50041001000", IbanValidation.WrongLength)]
    [InlineData("KZ86-125K-ZT50-0410-0100", IbanValidation.BadCharacters)]
    [InlineData("KZ86125KZT50041001ö0", IbanValidation.BadCharacters)]
    [InlineData("KZ86125KZT500410010ı", IbanValidation.BadCharacters)] // dotless i: upper-cased by culture rules to I, not by us
    [InlineData("KZ8A125KZT5004100100", IbanValidation.BadCharacters)] // a letter among the check digits
    [InlineData("KZ8612AKZT5004100100", IbanValidation.BadCharacters)] // a letter in the bank code
    [InlineData("KZ87125KZT5004100100", IbanValidation.CheckDigitsMismatch)]
    [InlineData("KZ86125KZT5004100101", IbanValidation.CheckDigitsMismatch)]
    [InlineData("KZ86125KTZ5004100100", IbanValidation.CheckDigitsMismatch)] // two letters swapped
    public void Anything_else_is_refused_with_its_reason(string? input, IbanValidation expected)
    {
        Assert.Equal(expected, Iban.Validate(input));
        Assert.False(Iban.TryParse(input, out _));
    }

    [Fact]
    public void Changing_any_one_digit_breaks_the_check()
    {
        for (var position = 2; position < Example.Length; position++)
        {
            if (!char.IsAsciiDigit(Example[position])) continue;
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == Example[position]) continue;
                var changed = string.Concat(Example.AsSpan(0, position), digit.ToString(), Example.AsSpan(position + 1));
                Assert.Equal(IbanValidation.CheckDigitsMismatch, Iban.Validate(changed));
            }
        }
    }

    [Fact]
    public void Changing_any_one_letter_for_another_breaks_the_check()
    {
        for (var position = 4; position < Example.Length; position++)
        {
            if (!char.IsAsciiLetter(Example[position])) continue;
            for (var letter = 'A'; letter <= 'Z'; letter++)
            {
                if (letter == Example[position]) continue;
                var changed = string.Concat(Example.AsSpan(0, position), letter.ToString(), Example.AsSpan(position + 1));
                Assert.Equal(IbanValidation.CheckDigitsMismatch, Iban.Validate(changed));
            }
        }
    }

    [Fact]
    public void Mod_97_cannot_see_every_digit_turned_into_a_letter()
    {
        // A letter stands for two digits, so a digit-to-letter slip can keep the remainder: the check is no proof of the account.
        Assert.Equal(IbanValidation.Valid, Iban.Validate("KZ86125KZTQ004100100"));
    }

    [Theory]
    [InlineData("KZ97125KZT0000000076", "00")]
    [InlineData("KZ98125KZT0000000058", "01")]
    [InlineData("KZ02125KZT0000000040", "99")]
    public void Check_digits_00_01_and_99_are_refused_though_they_pass_mod_97(string valid, string never)
    {
        Assert.Equal(IbanValidation.Valid, Iban.Validate(valid));
        var twin = string.Concat("KZ", never, valid.AsSpan(4));
        Assert.Equal(IbanValidation.CheckDigitsMismatch, Iban.Validate(twin));
    }

    [Fact]
    public void Create_computes_the_check_digits()
    {
        Assert.Equal(Example, Iban.Create("125", "KZT5004100100").Value);
        Assert.Equal(Example, Iban.Create("125", "kzt5004100100").Value);
        Assert.Equal("KZ97125KZT0000000076", Iban.Create("125", "KZT0000000076").Value);
    }

    [Fact]
    public void Created_ibans_validate()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var random = new Random(97);
        for (var i = 0; i < 10_000; i++)
        {
            var bankCode = random.Next(1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            var account = new string(Enumerable.Range(0, 13).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var iban = Iban.Create(bankCode, account);

            Assert.Equal(IbanValidation.Valid, Iban.Validate(iban.Value));
            Assert.Equal(bankCode, iban.BankCode);
            Assert.Equal(account, iban.Account);
            Assert.InRange(int.Parse(iban.CheckDigits, System.Globalization.CultureInfo.InvariantCulture), 2, 98);
        }
    }

    [Theory]
    [InlineData("12", "KZT5004100100")]
    [InlineData("12A", "KZT5004100100")]
    [InlineData("125", "KZT500410010")]
    [InlineData("125", "KZT-004100100")]
    public void Create_refuses_malformed_parts(string bankCode, string account)
    {
        Assert.Throws<ArgumentException>(() => Iban.Create(bankCode, account));
    }

    [Fact]
    public void Parse_gives_the_reason_but_not_the_value()
    {
        var error = Assert.Throws<FormatException>(() => Iban.Parse("KZ87125KZT5004100100"));
        Assert.Contains(nameof(IbanValidation.CheckDigitsMismatch), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("5004100100", error.Message, StringComparison.Ordinal);
    }
}
