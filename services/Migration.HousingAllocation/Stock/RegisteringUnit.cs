using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Destinations;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Stock;

/// <summary>
/// A housing officer registers a unit at a certified settlement that receives migrants, in the officer's oblast.
/// The new unit goes at once to the first waitlisted case there it fits. With an <c>Idempotency-Key</c>, a repeated
/// request answers with the unit the first one registered.
/// </summary>
public static class RegisteringUnit
{
    public sealed record Request(
        string? SettlementKato, string? Type, string? Address, int? Rooms, decimal? FloorArea, int? Capacity, decimal? AppraisedValue, string? Condition);

    public const string SettlementUnknown = "settlement.unknown";
    public const string SettlementNotReceiving = "settlement.not-receiving";
    private const string IdempotencyKeyHeader = "Idempotency-Key";

    public static async Task<Results<Created<HousingUnit>, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<HousingSettings> settings,
        HttpRequest http, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Require("settlementKato", request.SettlementKato);
        if (!WireNames.TryParse<UnitType>(request.Type, out var type))
            errors.Add("type", "type.unknown", $"'type' must be {WireNames.Choices<UnitType>()}.");
        var details = UnitForm.Details(request.Address, request.Rooms, request.FloorArea, request.Capacity, request.AppraisedValue, request.Condition, errors);
        if (!errors.IsEmpty) return errors.ToProblem();

        var settlement = await session.LoadAsync<DestinationSettlement>(request.SettlementKato!.Trim(), cancellationToken);
        if (settlement is null)
            return errors.Add("settlementKato", SettlementUnknown, "No certified settlement with this KATO code has reached the housing service.").ToProblem();
        if (!user.CoversOblast(settlement.Oblast))
            throw new ProblemException(StatusCodes.Status403Forbidden, "auth.oblast-scope", "Outside your oblast", $"The settlement lies in oblast {settlement.Oblast}.");
        if (!settlement.CanReceiveMigrants)
            return errors.Add("settlementKato", SettlementNotReceiving,
                "The settlement does not receive migrants (low potential or an environmental hazard): no stock is kept there.").ToProblem();

        var id = IdFor(http, user, clock);
        var desk = await DestinationDesk.Open(session, settlement.Id, settlement.Oblast, clock.GetUtcNow(), settings.Value.ReservationPeriod, cancellationToken);
        if (desk.Unit(id) is null) desk.Register(new UnitRegistered(id, settlement.Id, settlement.Oblast, type, details!));
        desk.Close();
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/housing/units/{id}", await UnitSlices.Load(session, id, user, response, cancellationToken));
    }

    /// <summary>A new time-ordered id, or, with an <c>Idempotency-Key</c>, an id derived from the caller and the key.</summary>
    private static Guid IdFor(HttpRequest request, ClaimsPrincipal user, TimeProvider clock)
    {
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        if (string.IsNullOrWhiteSpace(key)) return Guid.CreateVersion7(clock.GetUtcNow());
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"housing-unit-request\n{user.CallerId()}\n{key.Trim()}"))
            .AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
