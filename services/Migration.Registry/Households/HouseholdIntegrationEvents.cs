using JasperFx.Events;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Messaging;
using Published = Migration.Contracts.Registry;

namespace Migration.Registry.Households;

/// <summary>
/// What other services hear about households. Membership changes carry the whole member list after the change, read
/// from the event stream itself, so a consumer never has to merge partial updates.
/// </summary>
public sealed class HouseholdIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> EventTypes { get; } =
        [typeof(HouseholdRegistered), typeof(HouseholdMemberAdded), typeof(HouseholdMemberRemoved), typeof(HouseholdHeadChanged), typeof(HouseholdMoved)];

    public object? ToIntegrationEvent(IEvent domainEvent) => domainEvent.Data switch
    {
        HouseholdRegistered e => new Published.HouseholdRegistered(e.HouseholdId, e.SettlementKato, e.Oblast, e.Members.Select(ToContract).ToList(), domainEvent.Timestamp),
        HouseholdMemberAdded e => Changed(e.HouseholdId, "member-added", e.MembersAfter, domainEvent),
        HouseholdMemberRemoved e => Changed(e.HouseholdId, "member-removed", e.MembersAfter, domainEvent),
        HouseholdHeadChanged e => Changed(e.HouseholdId, "head-changed", e.MembersAfter, domainEvent),
        HouseholdMoved e => new Published.HouseholdMoved(e.HouseholdId, e.FromKato, e.ToKato, e.ToOblast, e.ArrivedOn, e.CaseId),
        _ => null,
    };

    private static Published.HouseholdMembershipChanged Changed(Guid id, string change, IReadOnlyList<Person> members, IEvent domainEvent) =>
        new(id, change, members.Select(ToContract).ToList(), domainEvent.Version, domainEvent.Timestamp);

    public static Published.HouseholdMember ToContract(Person p) => new(
        p.Iin, p.LastName, p.FirstName, p.Patronymic, p.BirthDate, p.Sex.ToWire(), p.Relationship.ToWire(), p.Employment.ToWire(), p.Occupation, p.Disability.ToWire());
}
