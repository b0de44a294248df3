using System.Text.Json.Serialization;
using Marten;

namespace Migration.RelocationCase.Cases;

/// <summary>Where one payment of a case stands in the payment service's workflow.</summary>
public enum PaymentStatus
{
    Verified,
    Approved,
    Batched,
    Paid,
    Returned,
    Cancelled,
    Reversed,
}

/// <summary>One payment of the case (one line of the entitlement, or one monthly instalment) as last reported.</summary>
/// <remarks>
/// Not every report carries every detail (a batching says nothing of the amount, a return nothing of the benefit): the
/// details are kept from whichever report brought them, the status and its time from the newest report.
/// </remarks>
public sealed record PaymentLine(Guid PaymentId, string? Benefit, int? Instalment, decimal? AmountKzt, PaymentStatus Status, DateTimeOffset At)
{
    /// <summary>Paid, returned, cancelled or reversed: the payment service will not move it any further by itself.</summary>
    [JsonIgnore]
    public bool Ended => Status is PaymentStatus.Paid or PaymentStatus.Returned or PaymentStatus.Cancelled or PaymentStatus.Reversed;

    /// <summary>
    /// The report that tells the newer state wins, whatever the order of arrival: by its time, and at the same time by the
    /// later step (an approval and a payment stamped alike mean paid).
    /// </summary>
    public PaymentLine Merge(PaymentLine report)
    {
        var newer = IsNewerThan(report, this) ? report : this;
        return newer with
        {
            Benefit = newer.Benefit ?? report.Benefit ?? Benefit,
            Instalment = newer.Instalment ?? report.Instalment ?? Instalment,
            AmountKzt = newer.AmountKzt ?? report.AmountKzt ?? AmountKzt,
        };
    }

    private static bool IsNewerThan(PaymentLine a, PaymentLine b) => a.At > b.At || a.At == b.At && Step(a.Status) > Step(b.Status);

    /// <summary>The order of the workflow's steps, written out so that reordering the enum (stored by name) changes nothing.</summary>
    private static int Step(PaymentStatus status) => status switch
    {
        PaymentStatus.Verified => 0,
        PaymentStatus.Approved => 1,
        PaymentStatus.Batched => 2,
        PaymentStatus.Paid => 3,
        PaymentStatus.Returned => 4,
        PaymentStatus.Cancelled => 5,
        PaymentStatus.Reversed => 6,
        _ => -1,
    };
}

/// <summary>One report of the payment service as the case's timeline shows it (<c>payment-paid</c>, <c>entitlement-calculated</c> …).</summary>
public sealed record PaymentReport(string What, Guid? PaymentId, decimal? AmountKzt, DateTimeOffset At);

/// <summary>
/// The payment picture of one case, kept beside the case (keyed by its id) rather than on its stream: the payment
/// service reports often, and a report appended to the case would raise its version and turn the ETag a caseworker
/// just read into a 412. Every update is order-independent: the newest entitlement wins, each payment keeps its newest
/// status, and redeliveries are stopped by the consumers' inbox (a repeated report changes nothing anyway).
/// </summary>
public sealed record CasePayments(Guid Id)
{
    /// <summary>The document's table is <c>mt_doc_case_payments</c>; the case listing filters on it in SQL.</summary>
    public const string Alias = "case_payments";

    /// <summary>The advisory-lock key (see <see cref="ViewLocks"/>) that serialises every change of one case's payment picture.</summary>
    public static string LockKey(Guid caseId) => $"case-payments/{caseId:N}";

    public decimal? EntitledKzt { get; init; }

    public int WithheldOneOffs { get; init; }

    public DateTimeOffset? EntitledAt { get; init; }

    public IReadOnlyList<PaymentLine> Lines { get; init; } = [];

    /// <summary>The newest "every payment of the case has ended" the payment service sent.</summary>
    public DateTimeOffset? SettledReportedAt { get; init; }

    /// <summary>
    /// Settled: the payment service said so, and no payment it reported later is still under way. Stored (not only
    /// computed) so that the case listing can filter on it.
    /// </summary>
    public bool Settled { get; init; }

    /// <summary>The reports in the order they arrived, for the case's timeline.</summary>
    public IReadOnlyList<PaymentReport> Reports { get; init; } = [];

    [JsonIgnore]
    public DateTimeOffset ReportedAt => Reports.Count == 0 ? EntitledAt ?? DateTimeOffset.MinValue : Reports.Max(r => r.At);

    public static void Map(StoreOptions options) => options.Schema.For<CasePayments>().DocumentAlias(Alias);

    /// <summary>The entitlement the payment service computed; a recalculation replaces an older one, never a newer.</summary>
    public CasePayments Entitled(decimal totalKzt, int withheldOneOffs, DateTimeOffset calculatedAt, PaymentReport report) =>
        (EntitledAt is { } known && known > calculatedAt ? this : this with { EntitledKzt = totalKzt, WithheldOneOffs = withheldOneOffs, EntitledAt = calculatedAt })
        .Remember(report);

    public CasePayments Payment(PaymentLine report, PaymentReport entry)
    {
        var known = Lines.FirstOrDefault(l => l.PaymentId == report.PaymentId);
        IReadOnlyList<PaymentLine> lines = known is null ? [.. Lines, report] : [.. Lines.Select(l => l.PaymentId == report.PaymentId ? known.Merge(report) : l)];
        return (this with { Lines = lines }).Remember(entry).Settle();
    }

    public CasePayments SettledAt(DateTimeOffset at, PaymentReport report) =>
        (SettledReportedAt is { } known && known >= at ? this : this with { SettledReportedAt = at }).Remember(report).Settle();

    private CasePayments Settle() => this with
    {
        Settled = SettledReportedAt is { } settled && !Lines.Any(l => !l.Ended && l.At > settled),
    };

    /// <summary>A report told twice (the same step of the same payment at the same time) is in the timeline once.</summary>
    private CasePayments Remember(PaymentReport report) => Reports.Contains(report) ? this : this with { Reports = [.. Reports, report] };
}
