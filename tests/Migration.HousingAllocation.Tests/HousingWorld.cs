using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Migration.Contracts.Registry;
using Migration.Contracts.RelocationCase;
using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Destinations;
using Migration.HousingAllocation.Stock;

namespace Migration.HousingAllocation.Tests;

/// <summary>Builds what the housing service knows the way it learns it in production: from the other services' events and its API.</summary>
public static class HousingWorld
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>A certified settlement of <paramref name="oblast"/>, once the service knows it.</summary>
    public static async Task<DestinationSettlement> Destination(this HousingFixture fixture, string oblast = "43", string potentialClass = "high")
    {
        var entry = RealSettlements.Next(oblast);
        await fixture.Publish(new SettlementCertified(entry.Code, entry.Name, null, oblast, null, "steppe", potentialClass, null, false, [], 300, 80,
            DateTimeOffset.UtcNow));
        return await fixture.Eventually<DestinationSettlement>(entry.Code, "the certified settlement");
    }

    /// <summary>Registers a unit through the API as a housing officer.</summary>
    public static async Task<HousingUnit> Unit(this HousingFixture fixture, string settlementKato, int capacity, decimal appraisedValue, string type = "house")
    {
        using var officer = fixture.Client("housing-officer");
        using var response = await officer.PostAsJsonAsync("/api/housing/units", new
        {
            settlementKato, type, address = $"ул. Новая, {Random.Shared.Next(1, 999)}", rooms = Math.Max(1, capacity / 2), floorArea = 20m * capacity,
            capacity, appraisedValue, condition = "new",
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<HousingUnit>(Json))!;
    }

    public static CaseApproved Approval(string destinationKato, int householdSize, DateTimeOffset approvedAt, Guid? caseId = null) =>
        new(caseId ?? Guid.NewGuid(), Guid.NewGuid(), "351000000", "35", destinationKato, destinationKato[..2],
            Enumerable.Range(0, householdSize).Select(i => new CaseMember($"80010130{i:D4}", new DateOnly(1980, 1, 1), "male", i == 0 ? "head" : "child")).ToList(),
            false, approvedAt);

    /// <summary>Publishes the approval and waits until the case is reserved or waitlisted.</summary>
    public static async Task<Placement> Approve(this HousingFixture fixture, CaseApproved approval)
    {
        await fixture.Publish(approval);
        return await fixture.Placement(approval.CaseId, p => p.Status != PlacementStatus.Requested);
    }

    public static Task<Placement> Placement(this HousingFixture fixture, Guid caseId, Func<Placement, bool> until) =>
        Migration.Testing.Eventually.Get(async () =>
        {
            await using var session = fixture.Store.QuerySession();
            return await session.LoadAsync<Placement>(caseId) is { } p && until(p) ? p : null;
        }, $"the housing of case {caseId}");

    public static async Task<HousingUnit> LoadUnit(this HousingFixture fixture, Guid id)
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<HousingUnit>(id))!;
    }

    public static Task<T> Eventually<T>(this HousingFixture fixture, string id, string what) where T : class =>
        Migration.Testing.Eventually.Get(async () =>
        {
            await using var session = fixture.Store.QuerySession();
            return await session.LoadAsync<T>(id);
        }, what);
}
