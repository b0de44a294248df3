using JasperFx.Events;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Messaging;
using Migration.SubsidyPayment.Budgets;
using Published = Migration.Contracts.SubsidyPayment;

namespace Migration.SubsidyPayment.Payments;

/// <summary>What other services hear about payments and budgets: amounts, statuses and ids, never an IIN or an account.</summary>
public sealed class PaymentIntegrationEvents : IIntegrationEventMap
{
    public IReadOnlyCollection<Type> EventTypes { get; } =
    [
        typeof(PaymentVerified), typeof(PaymentApproved), typeof(PaymentBatched), typeof(PaymentPaid), typeof(PaymentReturned),
        typeof(PaymentCancelled), typeof(PaymentReversed), typeof(PaymentsSettled), typeof(FundsCommitted), typeof(FundsReleased),
    ];

    public object? ToIntegrationEvent(IEvent domainEvent) => domainEvent.Data switch
    {
        PaymentVerified e => new Published.PaymentVerified(e.PaymentId, e.CaseId, e.HouseholdId, e.Benefit.ToWire(), e.Instalment, e.AmountKzt, e.BudgetLineId, domainEvent.Timestamp),
        PaymentApproved e => new Published.PaymentApproved(e.PaymentId, e.CaseId, e.HouseholdId, e.Benefit.ToWire(), e.Instalment, e.AmountKzt, e.BudgetLineId, e.Approvals, domainEvent.Timestamp),
        PaymentBatched e => new Published.PaymentBatched(e.PaymentId, e.CaseId, e.BatchId, e.EndToEndId, domainEvent.Timestamp),
        PaymentPaid e => new Published.PaymentPaid(e.PaymentId, e.CaseId, e.HouseholdId, e.Benefit.ToWire(), e.AmountKzt, e.BookedOn, e.StatementId, domainEvent.Timestamp),
        PaymentReturned e => new Published.PaymentReturned(e.PaymentId, e.CaseId, e.HouseholdId, e.AmountKzt, e.ReasonCode, e.Reason, e.StatementId, domainEvent.Timestamp),
        PaymentCancelled e => new Published.PaymentCancelled(e.PaymentId, e.CaseId, e.HouseholdId, e.AmountKzt, e.Reason, domainEvent.Timestamp),
        PaymentReversed e => new Published.PaymentReversed(e.PaymentId, e.CaseId, e.HouseholdId, e.AmountKzt, e.Reason, domainEvent.Timestamp),
        PaymentsSettled e => new Published.CasePaymentsSettled(e.CaseId, e.HouseholdId, e.Payments, e.PaidKzt, domainEvent.Timestamp),
        FundsCommitted e => new Published.BudgetCommitted(e.LineId, e.FiscalYear, e.Source.ToWire(), e.Oblast, e.PaymentId, e.AmountKzt, e.AvailableKzt, domainEvent.Timestamp),
        FundsReleased e => new Published.BudgetReleased(e.LineId, e.FiscalYear, e.Source.ToWire(), e.Oblast, e.PaymentId, e.AmountKzt, e.Reason, e.AvailableKzt, domainEvent.Timestamp),
        _ => null,
    };
}
