using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Approvals;

/// <summary>A finance admin sets a senior finance officer's approval limit, or the two-approver threshold; both audited.</summary>
public static class SettingApprovalPolicy
{
    public sealed record LimitRequest(decimal? LimitKzt);

    public sealed record ThresholdRequest(decimal? ThresholdKzt);

    public static async Task<Ok<ApprovalPolicy>> Get(IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok(await session.LoadAsync<ApprovalPolicy>(ApprovalPolicy.StreamId, cancellationToken) ?? ApprovalPolicy.Default);

    public static async Task<Ok<ApprovalPolicy>> SetLimit(string userId, LimitRequest request, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 200) errors.Add("userId", "user.invalid", "The user id must be 1 to 200 characters.");
        if (request.LimitKzt is not null) Amounts.Check(errors, "limitKzt", request.LimitKzt);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        return await Change(session, policy => new ApprovalLimitSet(userId, request.LimitKzt, policy.LimitOf(userId)), cancellationToken);
    }

    public static async Task<Ok<ApprovalPolicy>> SetThreshold(ThresholdRequest request, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var threshold = Amounts.Check(errors, "thresholdKzt", request.ThresholdKzt);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
        return await Change(session, policy => new SecondApprovalThresholdSet(threshold, policy.SecondApprovalAboveKzt), cancellationToken);
    }

    /// <summary>Changes are serialised on the policy stream, so two admins never lose each other's change.</summary>
    private static async Task<Ok<ApprovalPolicy>> Change(IDocumentSession session, Func<ApprovalPolicy, object> change, CancellationToken cancellationToken)
    {
        var stream = await session.Events.FetchForExclusiveWriting<ApprovalPolicy>(ApprovalPolicy.StreamId, cancellationToken);
        stream.AppendOne(change(stream.Aggregate ?? ApprovalPolicy.Default));
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await session.LoadAsync<ApprovalPolicy>(ApprovalPolicy.StreamId, cancellationToken))!);
    }
}
