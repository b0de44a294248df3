namespace Migration.Registry.Kato;

/// <summary>The level of an object in the KATO hierarchy.</summary>
public enum KatoLevel
{
    Oblast,
    District,
    RuralOkrug,
    Settlement,
}

/// <summary>One object of a loaded edition of the national classifier.</summary>
public sealed record KatoEntry(string Id, string Edition, string Code, string Name, string? ParentCode, KatoLevel Level)
{
    public static string KeyOf(string edition, string code) => $"{edition}/{code}";

    public static KatoLevel LevelOf(string code) =>
        code[2..] == "0000000" ? KatoLevel.Oblast
        : code[4..] == "00000" ? KatoLevel.District
        : code[6..] == "000" ? KatoLevel.RuralOkrug
        : KatoLevel.Settlement;
}

/// <summary>A loaded edition of the classifier: a dated dataset; the newest one is current.</summary>
public sealed record KatoEdition(string Id, DateOnly PublishedOn, int Objects, int Settlements, string LoadedBy, DateTimeOffset LoadedAt);
