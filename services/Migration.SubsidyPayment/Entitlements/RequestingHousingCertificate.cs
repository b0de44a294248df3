using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Payments;
using Migration.SubsidyPayment.Tariffs;

namespace Migration.SubsidyPayment.Entitlements;

/// <summary>
/// The household asked for a housing certificate: a finance officer records the declared price and the appraised value,
/// and the certificate is computed with the schedule of the approval date (once per case, If-Match required).
/// </summary>
public static class RequestingHousingCertificate
{
    public const string AlreadyGranted = "entitlement.certificate-exists";
    public const decimal MaxPrice = 1_000_000_000m;

    public sealed record Request(decimal DeclaredPriceKzt, decimal AppraisedValueKzt);

    public static async Task<Ok<Entitlement>> Handle(
        Guid caseId, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Price("declaredPriceKzt", request.DeclaredPriceKzt, errors);
        Price("appraisedValueKzt", request.AppraisedValueKzt, errors);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);

        var expected = http.RequiredVersion();
        var stream = await session.Events.FetchForWriting<Entitlement>(caseId, expected, cancellationToken);
        var entitlement = stream.Aggregate is { } found && found.Visible(user)
            ? found
            : throw ProblemException.NotFound(GettingEntitlement.NotFound, $"No entitlements of case {caseId} in your oblast (yet).");
        if (entitlement.Lines.Any(l => l.Benefit == BenefitType.HousingCertificate))
            throw ProblemException.Conflict(AlreadyGranted, $"Case {caseId} already has a housing certificate.");
        var schedule = await session.LoadAsync<TariffSchedule>(entitlement.ScheduleId, cancellationToken)
            ?? throw new InvalidOperationException($"Tariff schedule {entitlement.ScheduleId} is gone.");

        var granted = EntitlementDecisions.HousingCertificate(entitlement, schedule, request.DeclaredPriceKzt, request.AppraisedValueKzt);
        stream.AppendOne(granted);
        var payee = new PaymentPlan.Payee(entitlement.Id, entitlement.HouseholdId, entitlement.Oblast, entitlement.DestinationOblast);
        foreach (var payment in PaymentPlan.For(payee, [granted.Line], ProgramCalendar.DateOf(clock.GetUtcNow()), granted.Implausibility))
            session.Events.StartStream<Payment>(payment.PaymentId, payment);
        await session.SaveChangesAsync(cancellationToken);
        var after = (await session.LoadAsync<Entitlement>(caseId, cancellationToken))!;
        http.HttpContext.Response.SetETag(after.Version);
        return TypedResults.Ok(after);
    }

    private static void Price(string field, decimal value, ValidationErrors errors)
    {
        if (value <= 0 || value > MaxPrice || decimal.Round(value, 2) != value)
            errors.Add(field, "price.invalid", $"'{field}' must be a positive amount in KZT with at most 2 decimals, at most {MaxPrice}.");
    }
}
