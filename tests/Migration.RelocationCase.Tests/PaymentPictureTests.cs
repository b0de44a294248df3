using Migration.RelocationCase.Cases;

namespace Migration.RelocationCase.Tests;

/// <summary>
/// The payment picture of a case without any server: every order of the same reports gives the same picture, a report
/// told twice changes nothing, and "settled" holds only while no payment reported after the settlement is under way.
/// </summary>
public class PaymentPictureTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(5));
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();

    /// <summary>The workflow of two payments and the settlement, as reports the case may hear in any order.</summary>
    private static readonly Func<CasePayments, CasePayments>[] Reports =
    [
        p => p.Entitled(200_000m, 1, T0, Entry("entitlement-calculated", T0)),
        p => p.Payment(new PaymentLine(A, "relocation-subsidy", 1, 150_000m, PaymentStatus.Verified, T0.AddMinutes(1)), Entry("payment-verified", T0.AddMinutes(1))),
        p => p.Payment(new PaymentLine(A, "relocation-subsidy", 1, 150_000m, PaymentStatus.Approved, T0.AddMinutes(2)), Entry("payment-approved", T0.AddMinutes(2))),
        p => p.Payment(new PaymentLine(A, null, null, null, PaymentStatus.Batched, T0.AddMinutes(3)), Entry("payment-batched", T0.AddMinutes(3))),
        p => p.Payment(new PaymentLine(A, "relocation-subsidy", null, 150_000m, PaymentStatus.Paid, T0.AddMinutes(4)), Entry("payment-paid", T0.AddMinutes(4))),
        p => p.Payment(new PaymentLine(B, "moving-costs", null, 50_000m, PaymentStatus.Approved, T0.AddMinutes(2)), Entry("payment-approved", T0.AddMinutes(2))),
        p => p.Payment(new PaymentLine(B, null, null, 50_000m, PaymentStatus.Cancelled, T0.AddMinutes(3)), Entry("payment-cancelled", T0.AddMinutes(3))),
        p => p.SettledAt(T0.AddMinutes(5), Entry("case-payments-settled", T0.AddMinutes(5))),
    ];

    private static PaymentReport Entry(string what, DateTimeOffset at) => new(what, null, null, at);

    [Fact]
    public void Every_order_of_the_reports_gives_the_same_picture()
    {
        var expected = Picture(Enumerable.Range(0, Reports.Length));
        var random = new Random(20250301);
        for (var round = 0; round < 200; round++)
        {
            var order = Enumerable.Range(0, Reports.Length).OrderBy(_ => random.Next()).ToList();
            var picture = Picture(order);
            Assert.Equal(expected.Lines.OrderBy(l => l.PaymentId), picture.Lines.OrderBy(l => l.PaymentId));
            Assert.Equal((expected.EntitledKzt, expected.Settled, expected.SettledReportedAt), (picture.EntitledKzt, picture.Settled, picture.SettledReportedAt));
        }

        var a = expected.Lines.Single(l => l.PaymentId == A);
        Assert.Equal(new PaymentLine(A, "relocation-subsidy", 1, 150_000m, PaymentStatus.Paid, T0.AddMinutes(4)), a);
        Assert.True(expected.Settled);
        var shown = PaymentsResponse.From(expected, null)!;
        Assert.Equal((150_000m, 1, 50_000m, 1, 0m, 0), (shown.PaidKzt, shown.PaidCount, shown.CancelledKzt, shown.CancelledCount, shown.ApprovedKzt, shown.ApprovedCount));
    }

    [Fact]
    public void A_report_told_twice_changes_nothing()
    {
        var once = Picture(Enumerable.Range(0, Reports.Length));
        var twice = Reports.Aggregate(once, (p, report) => report(p));

        Assert.Equal(once.Lines, twice.Lines);
        Assert.Equal(once.Reports, twice.Reports);
        Assert.Equal(once.Settled, twice.Settled);
    }

    [Fact]
    public void A_payment_under_way_after_the_settlement_unsettles_until_it_ends()
    {
        var settled = Picture(Enumerable.Range(0, Reports.Length));
        var c = Guid.NewGuid();
        var earlier = settled.Payment(new PaymentLine(c, "lifting-allowance", null, 10_000m, PaymentStatus.Approved, T0.AddMinutes(4)), Entry("payment-approved", T0.AddMinutes(4)));
        var later = settled.Payment(new PaymentLine(c, "lifting-allowance", null, 10_000m, PaymentStatus.Approved, T0.AddMinutes(6)), Entry("payment-approved", T0.AddMinutes(6)));
        var ended = later.Payment(new PaymentLine(c, "lifting-allowance", null, 10_000m, PaymentStatus.Paid, T0.AddMinutes(7)), Entry("payment-paid", T0.AddMinutes(7)));

        Assert.True(earlier.Settled); // the settlement came after it: the service had already seen it end
        Assert.False(later.Settled);
        Assert.True(ended.Settled);
        Assert.True(ClosingOnSettlement.Closes(CaseStatus.Moved, ended));
        Assert.False(ClosingOnSettlement.Closes(CaseStatus.Withdrawn, ended));
        Assert.False(ClosingOnSettlement.Closes(CaseStatus.Moved, later));
    }

    private static CasePayments Picture(IEnumerable<int> order) => order.Aggregate(new CasePayments(Guid.Empty), (p, i) => Reports[i](p));
}
