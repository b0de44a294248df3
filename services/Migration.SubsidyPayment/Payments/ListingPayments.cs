using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Entitlements;

namespace Migration.SubsidyPayment.Payments;

/// <summary>
/// The payments finance officers work through: filtered by status (the work queues: calculated to verify, verified and
/// awaiting-second-approval to approve), case, household, benefit, oblast and due date; oldest first, in keyset pages.
/// </summary>
public static class ListingPayments
{
    public static async Task<Ok<Page<Payment>>> List(
        string? status, Guid? caseId, Guid? householdId, string? benefit, string? oblast, DateOnly? dueBy, int? limit, string? continuationToken,
        ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        var wanted = WireNames.Filter<PaymentStatus>("status", status);
        var benefitType = WireNames.Filter<BenefitType>("benefit", benefit);
        var take = Paging.Limit(limit);
        var after = Paging.After(continuationToken);

        var query = session.Query<Payment>().AsQueryable();
        var scope = user.FindFirstValue(ClaimNames.Oblast);
        if (scope != Oblasts.All) query = query.Where(p => p.Oblast == scope || p.DestinationOblast == scope);
        if (wanted is { } st) query = query.Where(p => p.Status == st);
        if (caseId is { } c) query = query.Where(p => p.CaseId == c);
        if (householdId is { } h) query = query.Where(p => p.HouseholdId == h);
        if (benefitType is { } bt) query = query.Where(p => p.Benefit == bt);
        if (oblast is not null) query = query.Where(p => p.Oblast == oblast || p.DestinationOblast == oblast);
        if (dueBy is { } due) query = query.Where(p => p.DueOn <= due);
        if (after is not null && Guid.TryParse(after, out var last)) query = query.Where(p => p.Id.CompareTo(last) > 0);
        var rows = await query.OrderBy(p => p.Id).Take(take + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(Paging.ToPage(rows, take, p => p.Id.ToString(), p => p.For(user)));
    }

    public static async Task<Ok<Payment>> Get(Guid paymentId, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var payment = await session.Read(paymentId, user, cancellationToken);
        response.SetETag(payment.Version);
        return TypedResults.Ok(payment.For(user));
    }
}
