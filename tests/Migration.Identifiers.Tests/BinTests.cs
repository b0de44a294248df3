using Migration.Identifiers;

namespace Migration.Identifiers.Tests;

public class BinTests
{
    [Theory]
    // 9·1 + 7·2 + 1·3 + 2·4 + 4·5 + 0 + 0 + 0 + 1·9 + 3·10 + 1·11 = 104 = 9·11 + 5
    [InlineData("971240001315", 97, 12, BinEntityType.ResidentLegalEntity, BinDivisionType.HeadOffice, 131)]
    // 9 + 8 + 0 + 4 + 20 + 0 + 0 + 0 + 0 + 30 + 88 = 159 = 14·11 + 5
    [InlineData("940140000385", 94, 1, BinEntityType.ResidentLegalEntity, BinDivisionType.HeadOffice, 38)]
    // First pass 1+10+0+20+20+6+0+0+0+0+88 = 145 = 13·11 + 2.
    [InlineData("150541000082", 15, 5, BinEntityType.ResidentLegalEntity, BinDivisionType.Branch, 8)]
    public void Valid_bins_are_read(string value, int year, int month, BinEntityType entityType, BinDivisionType divisionType, int serial)
    {
        Assert.Equal(BinValidation.Valid, Bin.Validate(value));
        var bin = Bin.Parse(value);
        Assert.Equal(year, bin.RegisteredYearOfCentury);
        Assert.Equal(month, bin.RegisteredMonth);
        Assert.Equal(entityType, bin.EntityType);
        Assert.Equal(divisionType, bin.DivisionType);
        Assert.Equal(serial, bin.Serial);
    }

    [Fact]
    public void A_first_pass_of_10_calls_for_the_second_pass()
    {
        // First pass 1+10+0+20+20+0+0+0+0+80+0 = 131 = 11·11 + 10;
        // second pass 3+20+0+30+28+0+0+0+0+8+0 = 89 = 8·11 + 1.
        Assert.Equal(BinValidation.Valid, Bin.Validate("150540000801"));
        Assert.Equal(BinValidation.CheckDigitMismatch, Bin.Validate("150540000800"));
    }

    [Fact]
    public void A_bin_whose_two_passes_give_10_is_never_issued()
    {
        // First pass 1+10+0+20+20+0+0+0+9+60+0 = 120 = 10·11 + 10; second pass 3+20+0+30+28+0+0+0+11+6+0 = 98 = 8·11 + 10.
        for (var last = 0; last <= 9; last++)
            Assert.Equal(BinValidation.NeverIssued, Bin.Validate($"15054000160{last}"));
        Assert.Null(Bin.Create(2015, 5, BinEntityType.ResidentLegalEntity, BinDivisionType.HeadOffice, 160));
    }

    [Theory]
    [InlineData(null, BinValidation.Missing)]
    [InlineData("", BinValidation.Missing)]
    [InlineData("  ", BinValidation.Missing)]
    [InlineData("97124000131", BinValidation.NotTwelveDigits)]
    [InlineData("9712400013150", BinValidation.NotTwelveDigits)]
    [InlineData("97124000131x", BinValidation.NotTwelveDigits)]
    [InlineData("971240001316", BinValidation.CheckDigitMismatch)]
    public void Malformed_input_is_refused_with_its_reason(string? value, BinValidation expected)
    {
        Assert.Equal(expected, Bin.Validate(value));
        Assert.False(Bin.TryParse(value, out _));
    }

    [Theory]
    [InlineData("97004000131")]
    [InlineData("97134000131")]
    [InlineData("97994000131")]
    public void The_registration_month_must_be_01_to_12(string first11)
    {
        Assert.Equal(BinValidation.BadRegistrationMonth, Bin.Validate(WithCheckDigit(first11)));
    }

    [Theory]
    [InlineData('0')]
    [InlineData('1')]
    [InlineData('2')]
    [InlineData('3')]
    [InlineData('7')]
    [InlineData('8')]
    [InlineData('9')]
    public void The_entity_type_must_be_4_5_or_6(char digit)
    {
        Assert.Equal(BinValidation.UnknownEntityType, Bin.Validate(WithCheckDigit($"9712{digit}000131")));
    }

    [Theory]
    [InlineData('4')]
    [InlineData('5')]
    [InlineData('6')]
    [InlineData('9')]
    public void The_division_type_must_be_0_to_3(char digit)
    {
        Assert.Equal(BinValidation.UnknownDivisionType, Bin.Validate(WithCheckDigit($"97124{digit}00013")));
    }

    [Fact]
    public void Every_entity_and_division_type_has_its_digit()
    {
        Assert.Equal(BinEntityType.NonResidentLegalEntity, Bin.Parse(WithCheckDigit("97125200013")).EntityType);
        Assert.Equal(BinEntityType.JointSoleProprietorship, Bin.Parse(WithCheckDigit("97126300013")).EntityType);
        Assert.Equal(BinDivisionType.RepresentativeOffice, Bin.Parse(WithCheckDigit("97125200013")).DivisionType);
        Assert.Equal(BinDivisionType.PeasantFarm, Bin.Parse(WithCheckDigit("97126300013")).DivisionType);
    }

    [Fact]
    public void Created_bins_validate_and_carry_their_parts()
    {
        var random = new Random(1_997_12);
        var entityTypes = Enum.GetValues<BinEntityType>();
        var divisionTypes = Enum.GetValues<BinDivisionType>();
        var neverIssued = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var year = random.Next(1990, 2100);
            var month = random.Next(1, 13);
            var entityType = entityTypes[random.Next(entityTypes.Length)];
            var divisionType = divisionTypes[random.Next(divisionTypes.Length)];
            var serial = random.Next(100_000);

            if (Bin.Create(year, month, entityType, divisionType, serial) is not { } bin)
            {
                neverIssued++;
                continue;
            }

            Assert.Equal(BinValidation.Valid, Bin.Validate(bin.Value));
            Assert.Equal(year % 100, bin.RegisteredYearOfCentury);
            Assert.Equal(month, bin.RegisteredMonth);
            Assert.Equal(entityType, bin.EntityType);
            Assert.Equal(divisionType, bin.DivisionType);
            Assert.Equal(serial, bin.Serial);
        }

        Assert.InRange(neverIssued, 20, 200);
    }

    [Fact]
    public void Create_refuses_what_a_bin_cannot_hold()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bin.Create(2015, 0, BinEntityType.ResidentLegalEntity, BinDivisionType.HeadOffice, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bin.Create(2015, 13, BinEntityType.ResidentLegalEntity, BinDivisionType.HeadOffice, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bin.Create(2015, 5, BinEntityType.ResidentLegalEntity, BinDivisionType.HeadOffice, 100_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bin.Create(2015, 5, (BinEntityType)7, BinDivisionType.HeadOffice, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bin.Create(2015, 5, BinEntityType.ResidentLegalEntity, (BinDivisionType)4, 1));
        Assert.Equal("971240001315", Bin.Create(1997, 12, BinEntityType.ResidentLegalEntity, BinDivisionType.HeadOffice, 131)?.Value);
    }

    private static string WithCheckDigit(string first11) =>
        first11 + (Iin.ComputeCheckDigit(first11) ?? throw new InvalidOperationException($"{first11} is never issued; choose another serial."));
}
