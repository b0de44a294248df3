using System.Security.Claims;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// Cases by status, oblast, caseworker, origin and destination, overdue, or by whether their payments are settled; in the
/// caller's oblast only (auditors and admins see all). Overdue cases come first, the most overdue first; otherwise newest
/// first. Paged.
/// </summary>
public static class ListingCases
{
    /// <summary>Whether the payment service has settled every payment of the case (cases it reported nothing on are neither).</summary>
    public enum PaymentFilter
    {
        Settled,
        Unsettled,
    }

    public static async Task<Results<Ok<Page<CaseResponse>>, ProblemHttpResult>> Handle(
        ClaimsPrincipal user, IQuerySession session, TimeProvider clock, string? status, string? oblast, string? caseworker, string? origin,
        string? destination, bool? overdue, string? paymentStatus, int? limit, string? continuationToken, CancellationToken cancellationToken)
    {
        PaymentFilter? payments = null;
        if (paymentStatus is not null)
        {
            if (!WireNames.TryParse<PaymentFilter>(paymentStatus, out var parsed))
                return new ValidationErrors().Add("paymentStatus", "payment-status.unknown", $"'paymentStatus' must be {WireNames.Choices<PaymentFilter>()}.").ToProblem();
            payments = parsed;
        }

        CaseStatus? wanted = null;
        if (status is not null)
        {
            if (!WireNames.TryParse<CaseStatus>(status, out var parsed))
                return new ValidationErrors().Add("status", "status.unknown", $"'status' must be {WireNames.Choices<CaseStatus>()}.").ToProblem();
            wanted = parsed;
        }

        var scope = user.FindFirst(ClaimNames.Oblast)?.Value;
        if (scope is not null && scope != Oblasts.All)
        {
            if (oblast is not null && oblast != scope) return TypedResults.Ok(new Page<CaseResponse>([], null));
            oblast = scope;
        }

        var take = Paging.Limit(limit);
        var after = Paging.After(continuationToken);
        var today = clock.Today();
        var query = session.Query<CaseFile>().AsQueryable();
        if (wanted is { } s) query = query.Where(c => c.Status == s);
        if (oblast is not null) query = query.Where(c => c.Oblast == oblast);
        if (caseworker is not null) query = query.Where(c => c.Caseworker == caseworker);
        if (origin is not null) query = query.Where(c => c.OriginKato == origin);
        if (destination is not null) query = query.Where(c => c.DestinationKato == destination);
        if (overdue == true) query = query.Where(c => c.Task != null && c.Task.DueOn < today);
        if (payments is { } p) query = query.Where(c => c.MatchesSql(PaymentsSql(session), p == PaymentFilter.Settled));
        if (after is not null && Guid.TryParse(after, out var last)) query = query.Where(c => c.Id.CompareTo(last) < 0);
        var rows = await query.OrderByDescending(c => c.Id).Take(take + 1).ToListAsync(cancellationToken);
        var known = (await session.LoadManyAsync<CasePayments>(cancellationToken, rows.Select(c => c.Id))).ToDictionary(p => p.Id);
        return TypedResults.Ok(Paging.ToPage(rows, take, c => c.Id.ToString(), c => CaseResponse.From(c, known.GetValueOrDefault(c.Id), user, today)));
    }

    /// <summary>
    /// The case has a payment document whose stored <see cref="CasePayments.Settled"/> is the parameter: a semi-join on
    /// the document's primary key, cheap beside the listing's own query.
    /// </summary>
    private static string PaymentsSql(IQuerySession session) =>
        $"id in (select p.id from {session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_{CasePayments.Alias} as p where (p.data ->> '{nameof(CasePayments.Settled)}')::boolean = ?)";
}
