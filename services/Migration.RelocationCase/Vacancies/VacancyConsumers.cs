using Marten;
using MassTransit;
using Migration.Contracts.Registry;
using Migration.ServiceDefaults.Messaging;

namespace Migration.RelocationCase.Vacancies;

/// <summary>A declared vacancy brings the settlement's open demand for its occupation.</summary>
public sealed class VacancyDeclaredConsumer(IDocumentStore store, TimeProvider clock, ILogger<VacancyDeclaredConsumer> logger)
    : IdempotentConsumer<VacancyDeclared>(store, clock, logger)
{
    protected override Task Handle(VacancyDeclared m, IDocumentSession session, ConsumeContext<VacancyDeclared> context) =>
        OpenDemands.Follow(session, m.SettlementKato, m.Oblast, m.Occupation, m.OpenVacancies, m.OpenPlaces, m.DeclaredAt, context.CancellationToken);
}

/// <summary>A changed vacancy brings the open demand after the change.</summary>
public sealed class VacancyChangedConsumer(IDocumentStore store, TimeProvider clock, ILogger<VacancyChangedConsumer> logger)
    : IdempotentConsumer<VacancyChanged>(store, clock, logger)
{
    protected override Task Handle(VacancyChanged m, IDocumentSession session, ConsumeContext<VacancyChanged> context) =>
        OpenDemands.Follow(session, m.SettlementKato, m.Oblast, m.Occupation, m.OpenVacancies, m.OpenPlaces, m.ChangedAt, context.CancellationToken);
}

/// <summary>A closed vacancy brings the open demand without it.</summary>
public sealed class VacancyClosedConsumer(IDocumentStore store, TimeProvider clock, ILogger<VacancyClosedConsumer> logger)
    : IdempotentConsumer<VacancyClosed>(store, clock, logger)
{
    protected override Task Handle(VacancyClosed m, IDocumentSession session, ConsumeContext<VacancyClosed> context) =>
        OpenDemands.Follow(session, m.SettlementKato, m.Oblast, m.Occupation, m.OpenVacancies, m.OpenPlaces, m.ClosedAt, context.CancellationToken);
}
