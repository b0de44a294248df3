using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Tariffs;

/// <summary>
/// A finance admin adds a version of the benefit parameters in force from a date. Versions are never edited: one per
/// effective date (409 <c>tariff.schedule-exists</c>); a correction is a version with a later date.
/// </summary>
public static class AddingSchedule
{
    public const string Exists = "tariff.schedule-exists";
    private const decimal MaxMci = 100_000m;

    public sealed record Request(
        string? EffectiveFrom, decimal RelocationPerMemberMci, decimal TravelHeadMci, decimal TravelOtherMemberMci, IReadOnlyList<RentBand>? RentBands,
        int RentMonths, decimal HousingCertificateShare, decimal HousingCertificateCapKzt, decimal? HouseholdCapMci, decimal? HouseholdCapKzt);

    public static async Task<Created<TariffSchedule>> Handle(
        Request request, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var date = Validate(request);
        await session.LockView("tariffs/schedules", cancellationToken);
        if (await session.LoadAsync<TariffSchedule>(MciRate.KeyOf(date), cancellationToken) is not null)
            throw ProblemException.Conflict(Exists, $"A tariff schedule in force from {date:yyyy-MM-dd} exists; add a version with another date.");

        var schedule = new TariffSchedule(MciRate.KeyOf(date), date, request.RelocationPerMemberMci, request.TravelHeadMci, request.TravelOtherMemberMci,
            [.. request.RentBands!.OrderBy(b => b.FromSize)], request.RentMonths, request.HousingCertificateShare, request.HousingCertificateCapKzt,
            request.HouseholdCapMci, request.HouseholdCapKzt, user.CallerId(), clock.GetUtcNow());
        session.Insert(schedule);
        session.Events.Append(TariffAudit.ScheduleStream, new TariffScheduleAdded(schedule));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/payments/tariffs/schedules/{schedule.Id}", schedule);
    }

    private static DateOnly Validate(Request request)
    {
        var errors = new ValidationErrors();
        var date = TariffDates.Parse(request.EffectiveFrom, "effectiveFrom", errors);
        Mci("relocationPerMemberMci", request.RelocationPerMemberMci, errors);
        Mci("travelHeadMci", request.TravelHeadMci, errors);
        Mci("travelOtherMemberMci", request.TravelOtherMemberMci, errors);
        if (request.RentBands is null || request.RentBands.Count == 0 || request.RentBands.All(b => b.FromSize != 1))
            errors.Add("rentBands", "rent-bands.invalid", "'rentBands' must start with a band from size 1.");
        else if (request.RentBands.Any(b => b.FromSize < 1 || b.Mci < 0 || b.Mci > MaxMci) || request.RentBands.Select(b => b.FromSize).Distinct().Count() != request.RentBands.Count)
            errors.Add("rentBands", "rent-bands.invalid", "Each rent band needs a distinct 'fromSize' ≥ 1 and an 'mci' between 0 and 100,000.");
        if (request.RentMonths is < 0 or > 120) errors.Add("rentMonths", "out-of-range", "'rentMonths' must be between 0 and 120.");
        if (request.HousingCertificateShare is < 0 or > 1) errors.Add("housingCertificateShare", "out-of-range", "'housingCertificateShare' must be between 0 and 1.");
        if (request.HousingCertificateCapKzt < 0) errors.Add("housingCertificateCapKzt", "negative", "'housingCertificateCapKzt' must not be negative.");
        if (request.HouseholdCapMci is < 0) errors.Add("householdCapMci", "negative", "'householdCapMci' must not be negative.");
        if (request.HouseholdCapKzt is < 0) errors.Add("householdCapKzt", "negative", "'householdCapKzt' must not be negative.");
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        return date;
    }

    private static void Mci(string field, decimal value, ValidationErrors errors)
    {
        if (value is < 0 or > MaxMci) errors.Add(field, "out-of-range", $"'{field}' must be between 0 and {MaxMci} MCI.");
    }
}
