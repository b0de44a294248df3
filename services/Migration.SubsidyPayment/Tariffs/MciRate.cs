namespace Migration.SubsidyPayment.Tariffs;

/// <summary>
/// The monthly calculation index (MCI) in force from <see cref="EffectiveFrom"/> until the next rate's date: set by the
/// budget law, sometimes changed mid-year. Data an admin edits; every change is an event on <see cref="TariffAudit.MciStream"/>.
/// </summary>
/// <param name="Id">The effective date, "yyyy-MM-dd".</param>
public sealed record MciRate(string Id, DateOnly EffectiveFrom, decimal Value, string SetBy, DateTimeOffset SetAt)
{
    public static string KeyOf(DateOnly effectiveFrom) => effectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The rate in force on <paramref name="day"/>: the latest that took effect on or before it; null before the first.</summary>
    public static MciRate? InForce(IEnumerable<MciRate> rates, DateOnly day) =>
        rates.Where(r => r.EffectiveFrom <= day).MaxBy(r => r.EffectiveFrom);

    /// <summary>The reference values of the program's years (domain.md), loaded at first start when the table is empty.</summary>
    public static IReadOnlyList<(DateOnly From, decimal Value)> Reference { get; } =
    [
        (new(2004, 1, 1), 919m), (new(2005, 1, 1), 971m), (new(2006, 1, 1), 1_030m), (new(2007, 1, 1), 1_092m),
        (new(2008, 1, 1), 1_168m), (new(2009, 1, 1), 1_273m), (new(2010, 1, 1), 1_413m), (new(2011, 1, 1), 1_512m),
        (new(2012, 1, 1), 1_618m), (new(2013, 1, 1), 1_731m), (new(2014, 1, 1), 1_852m), (new(2015, 1, 1), 1_982m),
        (new(2016, 1, 1), 2_121m), (new(2017, 1, 1), 2_269m), (new(2018, 1, 1), 2_405m), (new(2019, 1, 1), 2_525m),
        (new(2020, 1, 1), 2_651m), (new(2020, 4, 1), 2_778m), (new(2021, 1, 1), 2_917m), (new(2022, 1, 1), 3_063m),
        (new(2022, 4, 1), 3_180m), (new(2023, 1, 1), 3_450m), (new(2024, 1, 1), 3_692m), (new(2025, 1, 1), 3_932m),
        (new(2026, 1, 1), 4_325m),
    ];
}
