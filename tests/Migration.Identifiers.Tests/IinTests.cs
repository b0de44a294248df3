using Migration.Identifiers;

namespace Migration.Identifiers.Tests;

public class IinTests
{
    [Theory]
    [InlineData("791028302728", 1979, 10, 28, Sex.Male)]
    [InlineData("061211600012", 2006, 12, 11, Sex.Female)]
    [InlineData("850315301801", 1985, 3, 15, Sex.Male)]
    public void The_published_vectors_are_valid(string value, int year, int month, int day, Sex sex)
    {
        Assert.Equal(IinValidation.Valid, Iin.Validate(value));
        var iin = Iin.Parse(value);
        Assert.Equal(value, iin.Value);
        Assert.Equal(new DateOnly(year, month, day), iin.BirthDate);
        Assert.Equal(sex, iin.Sex);
    }

    [Fact]
    public void The_first_pass_weighs_the_digits_1_to_11()
    {
        // 7·1 + 9·2 + 1·3 + 0·4 + 2·5 + 8·6 + 3·7 + 0·8 + 2·9 + 7·10 + 2·11 = 217 = 19·11 + 8
        Assert.Equal(8, Iin.ComputeCheckDigit("79102830272"));
    }

    [Fact]
    public void A_first_pass_of_10_calls_for_the_second_pass()
    {
        // First pass 175 mod 11 = 10; second pass (weights 3..11,1,2) 155 mod 11 = 1.
        Assert.Equal(1, Iin.ComputeCheckDigit("85031530180"));
        // First pass 87 mod 11 = 10; second pass 112 mod 11 = 2.
        Assert.Equal(2, Iin.ComputeCheckDigit("06121160001"));
    }

    [Fact]
    public void A_number_whose_two_passes_give_10_is_never_issued()
    {
        Assert.Null(Iin.ComputeCheckDigit("85031530260"));
        for (var last = 0; last <= 9; last++)
            Assert.Equal(IinValidation.NeverIssued, Iin.Validate($"85031530260{last}"));
        Assert.Null(Iin.Create(new DateOnly(1985, 3, 15), Sex.Male, 260));
    }

    [Fact]
    public void Every_other_last_digit_is_a_mismatch()
    {
        for (var last = 0; last <= 9; last++)
        {
            var expected = last == 8 ? IinValidation.Valid : IinValidation.CheckDigitMismatch;
            Assert.Equal(expected, Iin.Validate($"79102830272{last}"));
        }
    }

    [Theory]
    [InlineData(null, IinValidation.Missing)]
    [InlineData("", IinValidation.Missing)]
    [InlineData("   ", IinValidation.Missing)]
    [InlineData("79102830272", IinValidation.NotTwelveDigits)]
    [InlineData("7910283027281", IinValidation.NotTwelveDigits)]
    [InlineData("79102830272a", IinValidation.NotTwelveDigits)]
    [InlineData("7910 2830272", IinValidation.NotTwelveDigits)]
    [InlineData(" 791028302728", IinValidation.NotTwelveDigits)]
    [InlineData("７９１０２８３０２７２８", IinValidation.NotTwelveDigits)] // full-width digits
    public void Malformed_input_is_refused_with_its_reason(string? value, IinValidation expected)
    {
        Assert.Equal(expected, Iin.Validate(value));
        Assert.False(Iin.TryParse(value, out _));
    }

    [Theory]
    [InlineData('0')]
    [InlineData('7')]
    [InlineData('8')]
    [InlineData('9')]
    public void A_seventh_digit_outside_1_to_6_encodes_no_century(char centuryDigit)
    {
        Assert.Equal(IinValidation.UnknownCenturyDigit, Iin.Validate(WithCheckDigit($"791028{centuryDigit}0272")));
    }

    [Theory]
    [InlineData("790229", '3')] // 29 February 1979
    [InlineData("000229", '3')] // 29 February 1900: divisible by 100, not by 400
    [InlineData("000229", '1')] // 29 February 1800
    [InlineData("791328", '3')] // month 13
    [InlineData("790028", '3')] // month 00
    [InlineData("791000", '3')] // day 00
    [InlineData("791032", '3')] // day 32
    [InlineData("790431", '5')] // 31 April
    public void The_birth_date_with_its_century_must_be_a_real_date(string yymmdd, char centuryDigit)
    {
        var value = WithCheckDigit($"{yymmdd}{centuryDigit}0272");
        Assert.Equal(IinValidation.NotARealDate, Iin.Validate(value));
    }

    [Fact]
    public void The_century_decides_whether_29_February_exists()
    {
        var in2000 = Iin.Parse(WithCheckDigit("0002296" + "0272"));
        Assert.Equal(new DateOnly(2000, 2, 29), in2000.BirthDate);
        Assert.Equal(Sex.Female, in2000.Sex);
        Assert.Equal(IinValidation.NotARealDate, Iin.Validate(WithCheckDigit("0002294" + "0272")));
    }

    [Theory]
    [InlineData('1', 1899, Sex.Male)]
    [InlineData('2', 1899, Sex.Female)]
    [InlineData('3', 1999, Sex.Male)]
    [InlineData('4', 1999, Sex.Female)]
    [InlineData('5', 2099, Sex.Male)]
    [InlineData('6', 2099, Sex.Female)]
    public void The_seventh_digit_gives_century_and_sex(char centuryDigit, int year, Sex sex)
    {
        var iin = Iin.Parse(WithCheckDigit($"991231{centuryDigit}0001"));
        Assert.Equal(new DateOnly(year, 12, 31), iin.BirthDate);
        Assert.Equal(sex, iin.Sex);
        Assert.Equal(1, iin.Serial);
    }

    [Fact]
    public void Agreement_needs_the_same_date_century_and_sex()
    {
        var iin = Iin.Parse("791028302728");
        Assert.True(iin.AgreesWith(new DateOnly(1979, 10, 28), Sex.Male));
        Assert.False(iin.AgreesWith(new DateOnly(1979, 10, 28), Sex.Female));
        Assert.False(iin.AgreesWith(new DateOnly(1979, 10, 29), Sex.Male));
        Assert.False(iin.AgreesWith(new DateOnly(2079, 10, 28), Sex.Male));
    }

    [Fact]
    public void The_masked_form_shows_the_first_four_and_last_two_digits()
    {
        Assert.Equal("7910******28", Iin.Parse("791028302728").Masked);
        Assert.Equal("0612******12", Iin.Parse("061211600012").Masked);
    }

    [Fact]
    public void Parse_gives_the_reason_but_not_the_value()
    {
        var error = Assert.Throws<FormatException>(() => Iin.Parse("791028302729"));
        Assert.Contains(nameof(IinValidation.CheckDigitMismatch), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("791028302729", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Created_numbers_validate_and_carry_their_birth_date_sex_and_serial()
    {
        var random = new Random(20_240_601);
        var first = new DateOnly(1800, 1, 1).DayNumber;
        var last = new DateOnly(2099, 12, 31).DayNumber;
        var neverIssued = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var birthDate = DateOnly.FromDayNumber(random.Next(first, last + 1));
            var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
            var serial = random.Next(10_000);

            var created = Iin.Create(birthDate, sex, serial);
            if (created is not { } iin)
            {
                neverIssued++;
                var prefix = $"{birthDate:yyMMdd}{(birthDate.Year / 100 - 18) * 2 + (sex == Sex.Male ? 1 : 2)}{serial:D4}";
                Assert.Null(Iin.ComputeCheckDigit(prefix));
                continue;
            }

            Assert.Equal(IinValidation.Valid, Iin.Validate(iin.Value));
            Assert.Equal(iin, Iin.Parse(iin.Value));
            Assert.Equal(birthDate, iin.BirthDate);
            Assert.Equal(sex, iin.Sex);
            Assert.Equal(serial, iin.Serial);
            Assert.True(iin.AgreesWith(birthDate, sex));
        }

        // Both passes give 10 for about one prefix in 121: some, but not many, of 10,000.
        Assert.InRange(neverIssued, 20, 200);
    }

    [Fact]
    public void Create_refuses_what_an_iin_cannot_hold()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Iin.Create(new DateOnly(1799, 12, 31), Sex.Male, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iin.Create(new DateOnly(2100, 1, 1), Sex.Male, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iin.Create(new DateOnly(1979, 10, 28), Sex.Male, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iin.Create(new DateOnly(1979, 10, 28), Sex.Male, 10_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Iin.Create(new DateOnly(1979, 10, 28), (Sex)2, 1));
        Assert.Equal("791028302728", Iin.Create(new DateOnly(1979, 10, 28), Sex.Male, 272)?.Value);
    }

    [Theory]
    [InlineData("7910283027")]
    [InlineData("791028302728")]
    [InlineData("7910283027a")]
    public void The_check_digit_needs_exactly_eleven_digits(string first11)
    {
        Assert.Throws<ArgumentException>(() => Iin.ComputeCheckDigit(first11));
    }

    /// <summary>Completes eleven digits with their check digit, so that the only fault left is the one under test.</summary>
    private static string WithCheckDigit(string first11) =>
        first11 + (Iin.ComputeCheckDigit(first11) ?? throw new InvalidOperationException($"{first11} is never issued; choose another serial."));
}
