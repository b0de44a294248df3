using JasperFx.Events;
using Migration.ServiceDefaults.Messaging;
using Published = Migration.Contracts.Registry;

namespace Migration.Registry.LabourDemand;

/// <summary>What other services hear about labour demand: every vacancy declared, changed and closed, with the open demand after it.</summary>
public sealed class LabourDemandIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> EventTypes { get; } = [typeof(VacancyDeclared), typeof(VacancyChanged), typeof(VacancyClosed)];

    public object? ToIntegrationEvent(IEvent domainEvent) => domainEvent.Data switch
    {
        VacancyDeclared e => new Published.VacancyDeclared(e.VacancyId, e.EmployerBin, e.SettlementKato, e.Oblast, e.Occupation,
            e.Terms.Places, e.Terms.MonthlyWage, e.Terms.From, e.Terms.To, e.Demand.Vacancies, e.Demand.Places, e.At),
        VacancyChanged e => new Published.VacancyChanged(e.VacancyId, e.EmployerBin, e.SettlementKato, e.Oblast, e.Occupation,
            e.Terms.Places, e.Terms.MonthlyWage, e.Terms.From, e.Terms.To, e.Previous.Places, e.Demand.Vacancies, e.Demand.Places, e.At),
        VacancyClosed e => new Published.VacancyClosed(e.VacancyId, e.EmployerBin, e.SettlementKato, e.Oblast, e.Occupation,
            e.Terms.Places, e.Terms.MonthlyWage, e.Terms.From, e.Terms.To, e.Reason, e.Demand.Vacancies, e.Demand.Places, e.At),
        _ => null,
    };
}
