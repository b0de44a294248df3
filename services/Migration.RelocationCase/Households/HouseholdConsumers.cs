using Marten;
using MassTransit;
using Migration.Contracts.Registry;
using Migration.ServiceDefaults.Messaging;

namespace Migration.RelocationCase.Households;

/// <summary>
/// Records a registered household. Its members count as version 1 (unless a membership change already arrived), its
/// residence as the registered settlement (unless a move already arrived).
/// </summary>
public sealed class HouseholdRegisteredConsumer(IDocumentStore store, TimeProvider clock, ILogger<HouseholdRegisteredConsumer> logger)
    : IdempotentConsumer<HouseholdRegistered>(store, clock, logger)
{
    protected override async Task Handle(HouseholdRegistered message, IDocumentSession session, ConsumeContext<HouseholdRegistered> context)
    {
        await session.LockView(KnownHousehold.LockKey(message.HouseholdId), context.CancellationToken);
        var known = await session.LoadAsync<KnownHousehold>(message.HouseholdId, context.CancellationToken) ?? KnownHousehold.Unknown(message.HouseholdId);
        var next = known.MovedOn is null ? known with { SettlementKato = message.SettlementKato, Oblast = message.Oblast } : known;
        if (known.Version < 1)
        {
            var members = message.Members.Select(KnownHousehold.ToMember).ToList();
            await KnownPeople.Follow(session, message.HouseholdId, known.Members, members, message.RegisteredAt, context.CancellationToken);
            next = next with { Members = members, Version = 1, MembersAsOf = message.RegisteredAt };
        }

        session.Store(next);
    }
}

/// <summary>Keeps a household's newest member list by the registry's stream version; an older change changes nothing.</summary>
public sealed class HouseholdMembershipChangedConsumer(IDocumentStore store, TimeProvider clock, ILogger<HouseholdMembershipChangedConsumer> logger)
    : IdempotentConsumer<HouseholdMembershipChanged>(store, clock, logger)
{
    protected override async Task Handle(HouseholdMembershipChanged message, IDocumentSession session, ConsumeContext<HouseholdMembershipChanged> context)
    {
        await session.LockView(KnownHousehold.LockKey(message.HouseholdId), context.CancellationToken);
        var known = await session.LoadAsync<KnownHousehold>(message.HouseholdId, context.CancellationToken) ?? KnownHousehold.Unknown(message.HouseholdId);
        if (known.Version >= message.Version) return;
        var members = message.Members.Select(KnownHousehold.ToMember).ToList();
        await KnownPeople.Follow(session, message.HouseholdId, known.Members, members, message.ChangedAt, context.CancellationToken);
        session.Store(known with { Members = members, Version = message.Version, MembersAsOf = message.ChangedAt });
    }
}

/// <summary>Follows a household to the settlement it moved to; of two moves, the later arrival date wins.</summary>
public sealed class HouseholdMovedConsumer(IDocumentStore store, TimeProvider clock, ILogger<HouseholdMovedConsumer> logger)
    : IdempotentConsumer<HouseholdMoved>(store, clock, logger)
{
    protected override async Task Handle(HouseholdMoved message, IDocumentSession session, ConsumeContext<HouseholdMoved> context)
    {
        await session.LockView(KnownHousehold.LockKey(message.HouseholdId), context.CancellationToken);
        var known = await session.LoadAsync<KnownHousehold>(message.HouseholdId, context.CancellationToken) ?? KnownHousehold.Unknown(message.HouseholdId);
        if (known.MovedOn is { } movedOn && movedOn > message.ArrivedOn) return;
        session.Store(known with { SettlementKato = message.ToKato, Oblast = message.ToOblast, MovedOn = message.ArrivedOn });
    }
}
