using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Approvals;
using Migration.SubsidyPayment.Cases;
using Migration.SubsidyPayment.Entitlements;
using Migration.SubsidyPayment.Payments;

namespace Migration.SubsidyPayment.Tests.Payments;

/// <summary>
/// The approver's limit, pure: the payment service's policy and the identity provider's limit in the token each
/// restrict; the lower applies, and an approver with neither cannot approve.
/// </summary>
public sealed class ApprovalLimitTests
{
    private static readonly DateTimeOffset Now = new(2006, 4, 1, 10, 0, 0, TimeSpan.Zero);

    private static Payment Verified(decimal amount) =>
        new Payment(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "61", "43", BenefitType.RelocationSubsidy, null, null, new DateOnly(2006, 3, 1),
            amount, amount, "70 MCI × 1,030 KZT", false, PaymentStatus.Verified, Now)
        {
            VerifiedBy = "verifier", BudgetLineId = Guid.NewGuid(), Account = new PayeeAccount("KZ86125KZT5004100100", "HSBKKZKX", "Halyk Bank", "Абенов"),
        };

    private static ApprovalPolicy Policy(decimal? limit) =>
        limit is { } l ? ApprovalPolicy.Default with { Limits = new Dictionary<string, decimal> { ["approver"] = l } } : ApprovalPolicy.Default;

    private static readonly CaseRecord Approved = new(Guid.NewGuid(), Guid.NewGuid(), CaseStanding.Approved, Now, null);

    [Theory]
    [InlineData(100_000, null, true)]
    [InlineData(null, 100_000, true)]
    [InlineData(100_000, 50_000, false)]   // the token's limit is lower
    [InlineData(50_000, 100_000, false)]   // the policy's limit is lower
    public void The_lower_of_the_two_limits_applies(int? policyLimit, int? tokenLimit, bool approves)
    {
        var payment = Verified(72_100m);

        var decide = () => PaymentDecisions.Approve(payment, "approver", Policy(policyLimit), Approved, Now, tokenLimit);

        if (approves) Assert.IsType<PaymentApproved>(decide());
        else Assert.Equal(PaymentDecisions.OverLimit, Assert.Throws<ProblemException>(decide).Code);
    }

    [Fact]
    public void An_approver_without_any_limit_cannot_approve() =>
        Assert.Equal(PaymentDecisions.NoLimit, Assert.Throws<ProblemException>(() => PaymentDecisions.Approve(Verified(1m), "approver", Policy(null), Approved, Now)).Code);
}
