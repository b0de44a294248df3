using Marten;
using Migration.Contracts.HousingAllocation;
using Migration.Contracts.Registry;
using Migration.Identifiers;
using Migration.RelocationCase.Households;
using Migration.RelocationCase.Housing;
using Migration.RelocationCase.Vacancies;

namespace Migration.RelocationCase.Tests;

/// <summary>The service's own views follow the registry's and the housing service's events, newest winning, once per message.</summary>
[Collection(RelocationCaseRun.Name)]
public sealed class ViewTests(RelocationCaseFixture service)
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(5));

    [Fact]
    public async Task A_household_is_registered_changes_members_and_moves()
    {
        var origin = await service.Settlement("35", "low", "steppe");
        var head = KnownWorld.Member("head", new DateOnly(1975, 4, 12), Sex.Male, occupation: "tractor driver");
        var spouse = KnownWorld.Member("spouse", new DateOnly(1978, 9, 30), Sex.Female, "homemaker");
        var son = KnownWorld.Member("child", new DateOnly(2012, 1, 5), Sex.Male, "student");
        var known = await service.Household(origin, head, spouse, son);
        Assert.Equal((origin.Id, "35", 1L, 3), (known.SettlementKato, known.Oblast, known.Version, known.Size));
        Assert.Equal("tractor driver", known.Members[0].Occupation);
        Assert.All(await People(head, spouse, son), p => Assert.Equal(known.Id, p?.HouseholdId));

        // The son leaves (version 2), a grandmother joins (version 3); a late copy of version 2 changes nothing.
        var registered = known.MembersAsOf!.Value;
        var grandmother = KnownWorld.Member("grandparent", new DateOnly(1944, 2, 2), Sex.Female, "pensioner");
        await service.Publish(new HouseholdMembershipChanged(known.Id, "member-removed", [head, spouse], 2, registered.AddMinutes(1)));
        await service.Publish(new HouseholdMembershipChanged(known.Id, "member-added", [head, spouse, grandmother], 3, registered.AddMinutes(2)));
        var changed = await Household(known.Id, h => h.Version == 3);
        var late = Guid.NewGuid();
        await service.Publish(new HouseholdMembershipChanged(known.Id, "member-removed", [head], 2, registered.AddMinutes(1)), late);
        await Eventually.True(() => service.Handled(nameof(HouseholdMembershipChangedConsumer), late), "the late change handled");

        var after = await Household(known.Id, h => true);
        Assert.Equal(3, after.Version);
        Assert.Equal([head.Iin, spouse.Iin, grandmother.Iin], after.Members.Select(m => m.Iin));
        Assert.Equal(changed.Members, after.Members);
        var people = await People(head, spouse, son, grandmother);
        Assert.Null(people[2]);
        Assert.Equal(known.Id, people[3]?.HouseholdId);

        var destination = await service.Settlement("43", "high", "semi-desert");
        await service.Publish(new HouseholdMoved(known.Id, origin.Id, destination.Id, "43", new DateOnly(2025, 5, 1), Guid.NewGuid()));
        var moved = await Household(known.Id, h => h.SettlementKato == destination.Id);
        Assert.Equal(("43", new DateOnly(2025, 5, 1), 3), (moved.Oblast, moved.MovedOn!.Value, moved.Size));
    }

    [Fact]
    public async Task Changes_and_moves_that_arrive_before_the_registration_are_kept()
    {
        var origin = await service.Settlement("35", "low", "steppe");
        var destination = await service.Settlement("43", "medium", "steppe");
        var head = KnownWorld.Member("head", new DateOnly(1980, 1, 1), Sex.Male);
        var daughter = KnownWorld.Member("child", new DateOnly(2010, 1, 1), Sex.Female, "student");
        var id = Guid.NewGuid();
        Guid changedId = Guid.NewGuid(), movedId = Guid.NewGuid(), registeredId = Guid.NewGuid();

        await service.Publish(new HouseholdMembershipChanged(id, "member-added", [head, daughter], 2, T0.AddDays(1)), changedId);
        await Eventually.True(() => service.Handled(nameof(HouseholdMembershipChangedConsumer), changedId), "the change handled");
        var membersOnly = await Household(id, h => true);
        Assert.Equal((false, 2L), (membersOnly.IsKnown, membersOnly.Version));
        Assert.Null(membersOnly.SettlementKato);

        await service.Publish(new HouseholdMoved(id, origin.Id, destination.Id, "43", new DateOnly(2025, 6, 1), null), movedId);
        await Eventually.True(() => service.Handled(nameof(HouseholdMovedConsumer), movedId), "the move handled");
        await service.Publish(new HouseholdRegistered(id, origin.Id, "35", [head], T0), registeredId);
        await Eventually.True(() => service.Handled(nameof(HouseholdRegisteredConsumer), registeredId), "the registration handled");

        var known = await Household(id, h => h.IsKnown);
        Assert.Equal((destination.Id, "43", 2L, 2), (known.SettlementKato, known.Oblast, known.Version, known.Size));
        Assert.All(await People(head, daughter), p => Assert.Equal(id, p?.HouseholdId));
    }

    [Fact]
    public async Task A_message_delivered_twice_counts_once()
    {
        var settlement = await service.Settlement("35", "high", "steppe");
        var messageId = Guid.NewGuid();
        var declared = new VacancyDeclared(Guid.NewGuid(), "040540000019", settlement.Id, "35", "welder", 3, 300_000m,
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 1, 3, T0);

        await service.Publish(declared, messageId);
        await service.Publish(declared, messageId);

        await Eventually.True(() => service.Handled(nameof(VacancyDeclaredConsumer), messageId), "the declaration handled");
        await Eventually.True(async () => await service.Isolation.QueueDepth("relocation-case-vacancy-declared") == 0, "both deliveries handled");
        var demand = await service.Eventually<OpenDemand>(OpenDemand.KeyOf(settlement.Id, "welder"), "the open demand");
        Assert.Equal((1, 3), (demand.OpenVacancies, demand.OpenPlaces));
    }

    [Fact]
    public async Task Open_demand_keeps_the_figures_of_the_newest_vacancy_message()
    {
        var settlement = await service.Settlement("35", "high", "steppe");
        var vacancy = Guid.NewGuid();
        var key = OpenDemand.KeyOf(settlement.Id, "milkmaid");
        DateOnly from = new(2025, 1, 1), to = new(2025, 12, 31);

        await service.Publish(new VacancyDeclared(vacancy, "040540000019", settlement.Id, "35", "milkmaid", 2, 200_000m, from, to, 1, 2, T0));
        await service.Publish(new VacancyChanged(vacancy, "040540000019", settlement.Id, "35", "milkmaid", 5, 200_000m, from, to, 2, 2, 6, T0.AddHours(2)));
        var older = Guid.NewGuid();
        await service.Publish(new VacancyClosed(vacancy, "040540000019", settlement.Id, "35", "milkmaid", 2, 200_000m, from, to, "filled", 1, 1, T0.AddHours(1)), older);

        await Eventually.True(() => service.Handled(nameof(VacancyClosedConsumer), older), "the older closing handled");
        var newest = await Eventually.Get(async () =>
            (await service.Eventually<OpenDemand>(key, "the open demand")) is { OpenPlaces: 6 } d ? d : null, "the changed demand");
        Assert.Equal((2, 6, "35"), (newest.OpenVacancies, newest.OpenPlaces, newest.Oblast));

        await service.Publish(new VacancyClosed(vacancy, "040540000019", settlement.Id, "35", "milkmaid", 5, 200_000m, from, to, "filled", 0, 0, T0.AddHours(3)));
        await Eventually.True(async () => (await service.Eventually<OpenDemand>(key, "the open demand")).OpenPlaces == 0, "the demand closed");
    }

    [Fact]
    public async Task Housing_availability_keeps_the_newest_report()
    {
        var settlement = await service.Settlement("35", "high", "steppe");
        var older = Guid.NewGuid();

        await service.Publish(new HousingAvailabilityChanged(settlement.Id, "35", [new AvailableUnits(4, 2), new AvailableUnits(6, 1), new AvailableUnits(4, 1)], T0.AddHours(1)));
        await Eventually.True(async () => (await service.Eventually<HousingAvailability>(settlement.Id, "housing")).Available.Count == 2, "the first report");
        await service.Publish(new HousingAvailabilityChanged(settlement.Id, "35", [], T0), older);
        await Eventually.True(() => service.Handled(nameof(HousingAvailabilityChangedConsumer), older), "the older report handled");

        var housing = await service.Eventually<HousingAvailability>(settlement.Id, "housing");
        Assert.Equal([new UnitsAvailable(4, 3), new UnitsAvailable(6, 1)], housing.Available);
        Assert.Equal((4, 1, 0), (housing.UnitsFitting(4), housing.UnitsFitting(5), housing.UnitsFitting(7)));
    }

    private Task<KnownHousehold> Household(Guid id, Func<KnownHousehold, bool> condition) =>
        Eventually.Get(async () =>
        {
            await using var session = service.Store.QuerySession();
            return await session.LoadAsync<KnownHousehold>(id) is { } known && condition(known) ? known : null;
        }, $"household {id} in the expected state");

    private async Task<List<KnownPerson?>> People(params HouseholdMember[] members)
    {
        await using var session = service.Store.QuerySession();
        var found = await session.LoadManyAsync<KnownPerson>(members.Select(m => m.Iin).ToArray());
        return [.. members.Select(m => found.SingleOrDefault(p => p.Id == m.Iin))];
    }
}
