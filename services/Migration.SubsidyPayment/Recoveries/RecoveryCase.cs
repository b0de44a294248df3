using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Migration.SubsidyPayment.Recoveries;

public enum RecoveryStatus
{
    Open,
    Settled,
}

public sealed record Repayment(decimal AmountKzt, DateOnly ReceivedOn, string Reference, string By, DateTimeOffset RecordedAt);

/// <summary>
/// A claw-back: what a household owes back for a case it withdrew from or left, and its repayments. One per case (the
/// stream id is derived from the case id), settled when the repayments reach what is due.
/// </summary>
public sealed record RecoveryCase(
    Guid Id, Guid CaseId, Guid HouseholdId, string Oblast, decimal AmountDueKzt, decimal RepaidKzt, RecoveryStatus Status, string Reason, string OpenedBy, DateTimeOffset OpenedAt,
    IReadOnlyList<Repayment> Repayments)
{
    public decimal OutstandingKzt => AmountDueKzt - RepaidKzt;

    public long Version { get; init; }

    public static Guid IdOf(Guid caseId) => NamedIds.Of($"recovery/{caseId:N}");
}

public partial class RecoveryCaseProjection : SingleStreamProjection<RecoveryCase, Guid>
{
    public RecoveryCase Create(IEvent<RecoveryOpened> e) =>
        new(RecoveryCase.IdOf(e.Data.CaseId), e.Data.CaseId, e.Data.HouseholdId, e.Data.Oblast, e.Data.AmountDueKzt, 0m, RecoveryStatus.Open, e.Data.Reason, e.Data.By, e.Timestamp, []);

    public RecoveryCase Apply(RecoveryIncreased e, RecoveryCase r) => Settle(r with { AmountDueKzt = r.AmountDueKzt + e.AmountKzt });

    public RecoveryCase Apply(IEvent<RepaymentRecorded> e, RecoveryCase r) => Settle(r with
    {
        RepaidKzt = r.RepaidKzt + e.Data.AmountKzt,
        Repayments = [.. r.Repayments, new Repayment(e.Data.AmountKzt, e.Data.ReceivedOn, e.Data.Reference, e.Data.By, e.Timestamp)],
    });

    private static RecoveryCase Settle(RecoveryCase r) => r with { Status = r.RepaidKzt >= r.AmountDueKzt ? RecoveryStatus.Settled : RecoveryStatus.Open };
}
