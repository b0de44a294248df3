using Marten;
using Migration.Contracts.HousingAllocation;
using Migration.Contracts.Registry;
using Migration.Identifiers;
using Migration.RelocationCase.Households;
using Migration.RelocationCase.Housing;
using Migration.RelocationCase.Settlements;

namespace Migration.RelocationCase.Tests;

/// <summary>
/// Builds what the case service knows the way it learns it in production: by publishing the other services' events,
/// then waiting until its views show them.
/// </summary>
public static class KnownWorld
{
    public static HouseholdMember Member(string relationship, DateOnly birthDate, Sex sex, string employment = "employed", string? occupation = null) =>
        new(People.NextIin(birthDate, sex).Value, sex == Sex.Male ? "Абенов" : "Абенова", sex == Sex.Male ? "Ерлан" : "Айгуль", null,
            birthDate, sex == Sex.Male ? "male" : "female", relationship, employment, occupation, "none");

    /// <summary>A certified settlement of <paramref name="oblast"/>, once the service knows it.</summary>
    public static async Task<KnownSettlement> Settlement(
        this RelocationCaseFixture fixture, string oblast, string potentialClass, string? climateZone, bool hazard = false)
    {
        var entry = RealSettlements.Next(oblast);
        await fixture.Publish(new SettlementCertified(entry.Code, entry.Name, null, oblast, null, climateZone, potentialClass, null, hazard,
            hazard ? [new SettlementHazard("soil-salinization", "high")] : [], 300, 80, DateTimeOffset.UtcNow));
        return await fixture.Eventually<KnownSettlement>(entry.Code, "the certified settlement");
    }

    /// <summary>A household registered at <paramref name="settlement"/>, once the service knows it.</summary>
    public static async Task<KnownHousehold> Household(this RelocationCaseFixture fixture, KnownSettlement settlement, params HouseholdMember[] members)
    {
        var id = Guid.NewGuid();
        await fixture.Publish(new HouseholdRegistered(id, settlement.Id, settlement.Oblast, members, DateTimeOffset.UtcNow));
        return await Migration.Testing.Eventually.Get(async () =>
        {
            await using var session = fixture.Store.QuerySession();
            return await session.LoadAsync<KnownHousehold>(id) is { IsKnown: true } known ? known : null;
        }, "the registered household");
    }

    /// <summary>Open places for <paramref name="occupation"/> at <paramref name="settlement"/>, once the service knows them.</summary>
    public static async Task Vacancy(this RelocationCaseFixture fixture, KnownSettlement settlement, string occupation, int openPlaces)
    {
        var at = DateTimeOffset.UtcNow;
        await fixture.Publish(new VacancyDeclared(Guid.NewGuid(), "040540000019", settlement.Id, settlement.Oblast, occupation, openPlaces, 250_000m,
            new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), 1, openPlaces, at));
        await fixture.Eventually<Vacancies.OpenDemand>(Vacancies.OpenDemand.KeyOf(settlement.Id, occupation), "the open demand");
    }

    /// <summary>Housing available at <paramref name="settlement"/>, once the service knows it.</summary>
    public static async Task Housing(this RelocationCaseFixture fixture, KnownSettlement settlement, params AvailableUnits[] units)
    {
        await fixture.Publish(new HousingAvailabilityChanged(settlement.Id, settlement.Oblast, units, DateTimeOffset.UtcNow));
        await fixture.Eventually<HousingAvailability>(settlement.Id, "the housing availability");
    }

    /// <summary>The document <paramref name="id"/> of the service's views, once it exists.</summary>
    public static Task<T> Eventually<T>(this RelocationCaseFixture fixture, string id, string what) where T : class =>
        Migration.Testing.Eventually.Get(async () =>
        {
            await using var session = fixture.Store.QuerySession();
            return await session.LoadAsync<T>(id);
        }, what);
}
