using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Migration.SubsidyPayment.Entitlements;

/// <summary>An approved case's entitlements: one stream per case, computed once from the tariffs of the approval date.</summary>
public sealed record Entitlement(
    Guid Id,
    Guid HouseholdId,
    string Oblast,
    string DestinationOblast,
    DateOnly ApprovedOn,
    decimal MciValue,
    DateOnly MciEffectiveFrom,
    string ScheduleId,
    int HouseholdSize,
    IReadOnlyList<EntitlementLine> Lines,
    IReadOnlyList<WithheldBenefit> Withheld,
    CapApplied? Cap,
    decimal TotalKzt,
    DateTimeOffset CalculatedAt)
{
    /// <summary>When every payment of the case last reached its end (null while some are pending).</summary>
    public DateTimeOffset? PaymentsSettledAt { get; init; }

    /// <summary>The stream version, kept by Marten; sent as the ETag.</summary>
    public long Version { get; init; }
}

public partial class EntitlementProjection : SingleStreamProjection<Entitlement, Guid>
{
    public Entitlement Create(IEvent<EntitlementCalculated> e) =>
        new(e.Data.CaseId, e.Data.HouseholdId, e.Data.Oblast, e.Data.DestinationOblast, e.Data.ApprovedOn, e.Data.MciValue, e.Data.MciEffectiveFrom,
            e.Data.ScheduleId, e.Data.HouseholdSize, e.Data.Lines, e.Data.Withheld, e.Data.Cap, e.Data.TotalKzt, e.Timestamp);

    public Entitlement Apply(IEvent<HousingCertificateGranted> e, Entitlement entitlement) => entitlement with
    {
        Lines = [.. entitlement.Lines, e.Data.Line],
        Cap = e.Data.Cap,
        TotalKzt = entitlement.TotalKzt + e.Data.Line.AmountKzt,
        PaymentsSettledAt = null,
    };

    public Entitlement Apply(IEvent<Payments.PaymentsSettled> e, Entitlement entitlement) => entitlement with { PaymentsSettledAt = e.Timestamp };
}
