using Marten.Events.Aggregation;

namespace Migration.SubsidyPayment.Approvals;

/// <summary>A senior finance officer's personal approval limit was set (null: withdrawn).</summary>
public sealed record ApprovalLimitSet(string UserId, decimal? LimitKzt, decimal? PreviousKzt);

/// <summary>Payments above this amount need two approvers.</summary>
public sealed record SecondApprovalThresholdSet(decimal ThresholdKzt, decimal PreviousKzt);

/// <summary>
/// Who may approve how much: each senior finance officer's personal limit, and the amount above which a payment needs a
/// second approver. One stream, so every change is audited with who made it and when.
/// </summary>
public sealed record ApprovalPolicy(Guid Id, IReadOnlyDictionary<string, decimal> Limits, decimal SecondApprovalAboveKzt)
{
    /// <summary>Until a finance admin sets it: a housing certificate (up to KZT 4.2 million) always needs two approvers.</summary>
    public const decimal DefaultSecondApprovalAboveKzt = 1_000_000m;

    public static readonly Guid StreamId = new("61707072-0000-4000-8000-000000000003");

    public static readonly ApprovalPolicy Default = new(StreamId, new Dictionary<string, decimal>(), DefaultSecondApprovalAboveKzt);

    public long Version { get; init; }

    public decimal? LimitOf(string userId) => Limits.TryGetValue(userId, out var limit) ? limit : null;
}

public partial class ApprovalPolicyProjection : SingleStreamProjection<ApprovalPolicy, Guid>
{
    public ApprovalPolicy Create(ApprovalLimitSet e) => Apply(e, ApprovalPolicy.Default);

    public ApprovalPolicy Create(SecondApprovalThresholdSet e) => Apply(e, ApprovalPolicy.Default);

    public ApprovalPolicy Apply(ApprovalLimitSet e, ApprovalPolicy policy)
    {
        var limits = new Dictionary<string, decimal>(policy.Limits, StringComparer.Ordinal);
        if (e.LimitKzt is { } limit) limits[e.UserId] = limit;
        else limits.Remove(e.UserId);
        return policy with { Limits = limits };
    }

    public ApprovalPolicy Apply(SecondApprovalThresholdSet e, ApprovalPolicy policy) => policy with { SecondApprovalAboveKzt = e.ThresholdKzt };
}
