using Marten;
using MassTransit;
using Migration.Contracts.RelocationCase;
using Migration.SubsidyPayment.Cases;
using Migration.SubsidyPayment.Payments;
using Migration.SubsidyPayment.Tariffs;
using Migration.ServiceDefaults.Messaging;

namespace Migration.SubsidyPayment.Entitlements;

/// <summary>
/// Computes an approved case's entitlements from the MCI and the schedule in force on the approval date (the program's
/// calendar day), once per case. The one-off benefits of its members are claimed in the same transaction; a member who
/// already received one keeps it in the first case and is recorded as withheld here. Locks on the case and on every
/// claim key serialise cases that share a person, so the claims never collide at commit. The entitlement's payments are
/// calculated in the same transaction (<see cref="PaymentPlan"/>), and the case is recorded as approved for later re-checks.
/// </summary>
public sealed class CaseApprovedConsumer(IDocumentStore store, TimeProvider clock, ILogger<CaseApprovedConsumer> logger)
    : IdempotentConsumer<CaseApproved>(store, clock, logger)
{
    protected override async Task Handle(CaseApproved message, IDocumentSession session, ConsumeContext<CaseApproved> context)
    {
        var cancellationToken = context.CancellationToken;
        var keys = message.Members
            .SelectMany(m => OneOffBenefitClaim.OneOff.Select(b => OneOffBenefitClaim.KeyOf(b, m.Iin)))
            .ToArray();
        await session.LockViews(keys.Prepend($"case/{message.CaseId:N}"), cancellationToken);
        if (await session.LoadAsync<Entitlement>(message.CaseId, cancellationToken) is not null)
        {
            logger.LogInformation("Entitlements of case {CaseId} are already computed", message.CaseId);
            return;
        }

        if (await session.LoadAsync<CaseRecord>(message.CaseId, cancellationToken) is { IsEnded: true } ended)
        {
            logger.LogInformation("Case {CaseId} was {Standing} before its approval arrived; nothing is computed", message.CaseId, ended.Standing);
            return;
        }

        if (message.Members.Count == 0) throw new InvalidOperationException($"Case {message.CaseId} was approved without members.");
        var approvedOn = ProgramCalendar.DateOf(message.ApprovedAt);
        var mci = MciRate.InForce(await session.Query<MciRate>().ToListAsync(cancellationToken), approvedOn)
            ?? throw new InvalidOperationException($"No MCI is in force on {approvedOn:yyyy-MM-dd}.");
        var schedule = TariffSchedule.InForce(await session.Query<TariffSchedule>().ToListAsync(cancellationToken), approvedOn)
            ?? throw new InvalidOperationException($"No tariff schedule is in force on {approvedOn:yyyy-MM-dd}.");
        var claimed = (await session.LoadManyAsync<OneOffBenefitClaim>(cancellationToken, keys)).ToDictionary(c => c.Id, c => c.CaseId);

        var members = message.Members.Select(m => new EntitlementDecisions.Member(m.Iin, m.Relationship == "head")).ToList();
        var calculated = EntitlementDecisions.Calculate(
            new(message.CaseId, message.HouseholdId, message.Oblast, message.DestinationOblast, approvedOn, members), mci, schedule, claimed);
        session.Events.StartStream<Entitlement>(message.CaseId, calculated);
        session.Store(CaseRecord.Advance(await session.LoadAsync<CaseRecord>(message.CaseId, cancellationToken),
            new CaseRecord(message.CaseId, message.HouseholdId, CaseStanding.Approved, message.ApprovedAt, null)));
        foreach (var payment in PaymentPlan.For(new(message.CaseId, message.HouseholdId, message.Oblast, message.DestinationOblast), calculated.Lines, approvedOn))
            session.Events.StartStream<Payment>(payment.PaymentId, payment);
        foreach (var line in calculated.Lines.Where(l => l.Iin is not null))
            session.Insert(new OneOffBenefitClaim(OneOffBenefitClaim.KeyOf(line.Benefit, line.Iin!), line.Benefit, line.Iin!, message.CaseId, message.HouseholdId));
        logger.LogInformation("Entitlements of case {CaseId}: {Total} KZT in {Lines} lines, {Withheld} one-off benefits withheld",
            message.CaseId, calculated.TotalKzt, calculated.Lines.Count, calculated.Withheld.Count);
    }
}
