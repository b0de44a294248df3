namespace Migration.SubsidyPayment.Tariffs;

/// <summary>From this household size up, the monthly rent and utilities compensation is <paramref name="Mci"/> MCI.</summary>
public sealed record RentBand(int FromSize, decimal Mci);

/// <summary>
/// A version of the benefit parameters, in force from <see cref="EffectiveFrom"/> until the next version. Amounts are in
/// MCI (converted with the MCI in force on the approval date) except the housing certificate's cap and the optional
/// household cap in KZT. A version is never edited: an admin adds a new one (every addition is an event on
/// <see cref="TariffAudit.ScheduleStream"/>).
/// </summary>
/// <param name="Id">The effective date, "yyyy-MM-dd".</param>
/// <param name="HouseholdCapMci">Cap per household across all benefits of the program, in MCI (null: none).</param>
/// <param name="HouseholdCapKzt">Cap per household across all benefits, in KZT (null: none); the lower of the two caps applies.</param>
public sealed record TariffSchedule(
    string Id,
    DateOnly EffectiveFrom,
    decimal RelocationPerMemberMci,
    decimal TravelHeadMci,
    decimal TravelOtherMemberMci,
    IReadOnlyList<RentBand> RentBands,
    int RentMonths,
    decimal HousingCertificateShare,
    decimal HousingCertificateCapKzt,
    decimal? HouseholdCapMci,
    decimal? HouseholdCapKzt,
    string SetBy,
    DateTimeOffset SetAt)
{
    /// <summary>
    /// Our default, from the amounts resettlement programs have paid (domain.md): 70 MCI per member; travel 50 MCI for the
    /// head and 35 per other member; rent 15 MCI a month for 1–2 people, 20 for 3–4, 25 for 5–6, 30 for 7 or more, for
    /// 12 months; certificate 50% of the lower of declared price and appraised value, at most KZT 4.2 million; at most
    /// 2,000 MCI per household across all benefits.
    /// </summary>
    public static TariffSchedule Default(string setBy, DateTimeOffset setAt) => new(
        "2004-01-01", new DateOnly(2004, 1, 1), 70m, 50m, 35m,
        [new RentBand(1, 15m), new RentBand(3, 20m), new RentBand(5, 25m), new RentBand(7, 30m)], 12,
        0.5m, 4_200_000m, 2_000m, null, setBy, setAt);

    /// <summary>The version in force on <paramref name="day"/>: the latest that took effect on or before it.</summary>
    public static TariffSchedule? InForce(IEnumerable<TariffSchedule> versions, DateOnly day) =>
        versions.Where(v => v.EffectiveFrom <= day).MaxBy(v => v.EffectiveFrom);

    /// <summary>The monthly rent compensation, in MCI, for a household of <paramref name="size"/> people.</summary>
    public decimal RentMciFor(int size) => RentBands.Where(b => b.FromSize <= size).MaxBy(b => b.FromSize)?.Mci ?? 0m;
}
