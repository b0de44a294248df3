using JasperFx.Events;
using Migration.ServiceDefaults.Messaging;
using Published = Migration.Contracts.RelocationCase;

namespace Migration.RelocationCase.Cases;

/// <summary>What other services hear about cases; each domain event carries what its contract needs.</summary>
public sealed class CaseIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> EventTypes { get; } =
    [
        typeof(CaseOpened), typeof(EligibilityAssessed), typeof(DestinationChosen), typeof(CaseApproved), typeof(CaseRejected),
        typeof(CaseWithdrawn), typeof(CaseCancelled), typeof(MoveConfirmed), typeof(CaseClosed), typeof(CaseClosedIneligible),
    ];

    public object? ToIntegrationEvent(IEvent domainEvent) => domainEvent.Data switch
    {
        CaseOpened e => new Published.CaseOpened(e.CaseId, e.HouseholdId, e.OriginKato, e.Oblast, e.Members.Count, e.Caseworker, domainEvent.Timestamp),
        EligibilityAssessed e => new Published.CaseAssessed(e.CaseId, e.Eligible, e.HazardPriority, e.Reasons.Select(r => r.Explanation).ToList(), domainEvent.Timestamp),
        DestinationChosen e => new Published.DestinationChosen(e.CaseId, e.HouseholdId, e.DestinationKato, e.DestinationOblast, domainEvent.Timestamp),
        CaseApproved e => new Published.CaseApproved(e.CaseId, e.HouseholdId, e.OriginKato, e.Oblast, e.DestinationKato, e.DestinationOblast,
            e.Members.Select(m => new Published.CaseMember(m.Iin, m.BirthDate, m.Sex, m.Relationship)).ToList(), e.HazardPriority, domainEvent.Timestamp),
        CaseRejected e => new Published.CaseRejected(e.CaseId, e.Reason, domainEvent.Timestamp),
        CaseWithdrawn e => new Published.CaseWithdrawn(e.CaseId, e.HouseholdId, e.Reason, e.WasApproved, domainEvent.Timestamp),
        CaseCancelled e => new Published.CaseCancelled(e.CaseId, e.HouseholdId, e.Reason, e.WasApproved, domainEvent.Timestamp),
        MoveConfirmed e => new Published.MoveConfirmed(e.CaseId, e.HouseholdId, e.OriginKato, e.DestinationKato, e.ArrivedOn, domainEvent.Timestamp),
        CaseClosed e => new Published.CaseClosed(e.CaseId, e.HouseholdId, e.Outcome, domainEvent.Timestamp),
        CaseClosedIneligible e => new Published.CaseClosed(e.CaseId, e.HouseholdId, "ineligible: " + e.Reason, domainEvent.Timestamp),
        _ => null,
    };
}
