using Migration.Identifiers;

namespace Migration.Identifiers.Tests;

public class KatoCodeTests
{
    [Theory]
    [InlineData("434030100")] // Kyzylorda oblast
    [InlineData("273630100")] // West Kazakhstan
    [InlineData("351030000")] // Karaganda, a rural okrug
    [InlineData("101010000")] // Abai, created in 2022
    [InlineData("511010000")] // South Kazakhstan, as coded until 2018
    public void A_nine_digit_code_of_a_known_oblast_is_valid(string code)
    {
        Assert.Equal(KatoValidation.Valid, KatoCode.Validate(code));
        Assert.True(KatoCode.TryParse(code, out var kato));
        Assert.Equal(code[..2], kato.Value.Oblast);
    }

    [Theory]
    [InlineData(null, KatoValidation.Missing)]
    [InlineData("", KatoValidation.Missing)]
    [InlineData("   ", KatoValidation.Missing)]
    [InlineData("43403010", KatoValidation.NotNineDigits)]
    [InlineData("4340301000", KatoValidation.NotNineDigits)]
    [InlineData("43403010a", KatoValidation.NotNineDigits)]
    [InlineData("43 403010", KatoValidation.NotNineDigits)]
    [InlineData("４３４０３０１００", KatoValidation.NotNineDigits)] // full-width digits are not ASCII digits
    [InlineData("994030100", KatoValidation.UnknownOblast)]
    [InlineData("004030100", KatoValidation.UnknownOblast)]
    [InlineData("124030100", KatoValidation.UnknownOblast)]
    public void Anything_else_is_refused_with_its_reason(string? code, KatoValidation expected)
    {
        Assert.Equal(expected, KatoCode.Validate(code));
        Assert.False(KatoCode.TryParse(code, out _));
    }

    [Fact]
    public void The_hierarchy_is_read_from_the_code()
    {
        var kato = KatoCode.Parse("434035123");
        Assert.Equal("43", kato.Oblast);
        Assert.Equal("434000000", kato.District);
        Assert.Equal("434035000", kato.RuralOkrug);
    }

    [Fact]
    public void Parse_refuses_an_invalid_code()
    {
        var error = Assert.Throws<FormatException>(() => KatoCode.Parse("123"));
        Assert.Contains("NotNineDigits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_oblast_of_the_2022_classifier_is_known()
    {
        string[] current = ["10", "11", "15", "19", "23", "27", "31", "33", "35", "39", "43", "47", "55", "59", "61", "62", "63", "71", "75", "79"];
        Assert.All(current, code => Assert.True(Oblasts.IsKnown(code), code));
        Assert.Equal("Kyzylorda", Oblasts.NameOf("43"));
    }
}
