using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Tariffs;

/// <summary>
/// A finance admin sets the MCI in force from a date (a new period, or a correction of one). The change and the value it
/// replaced are an event on the MCI table's stream, committed with the document. Entitlements already computed keep the
/// value they used.
/// </summary>
public static class SettingMci
{
    public const decimal MaxValue = 1_000_000m;

    public sealed record Request(decimal? Value);

    public static async Task<Results<Created<MciRate>, Ok<MciRate>>> Handle(
        string effectiveFrom, Request request, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var date = TariffDates.Parse(effectiveFrom, "effectiveFrom", errors);
        if (request.Value is not { } value) errors.Add("value", "required", "'value' is required.");
        else if (value <= 0 || value > MaxValue || decimal.Round(value, 2) != value)
            errors.Add("value", "mci.invalid", $"'value' must be a positive amount in KZT with at most 2 decimals, at most {MaxValue}.");
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);

        await session.LockView("tariffs/mci", cancellationToken);
        var current = await session.LoadAsync<MciRate>(MciRate.KeyOf(date), cancellationToken);
        var rate = new MciRate(MciRate.KeyOf(date), date, request.Value!.Value, user.CallerId(), clock.GetUtcNow());
        session.Store(rate);
        session.Events.Append(TariffAudit.MciStream, new MciValueSet(date, rate.Value, current?.Value));
        await session.SaveChangesAsync(cancellationToken);
        return current is null ? TypedResults.Created($"/api/payments/tariffs/mci/{rate.Id}", rate) : TypedResults.Ok(rate);
    }
}
