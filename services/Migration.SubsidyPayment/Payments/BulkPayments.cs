using System.Security.Claims;
using JasperFx.Events;
using Marten;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Payments;

/// <summary>What happened to one payment of a bulk request: accepted (its new status and version) or refused (a stable code and why).</summary>
public sealed record BulkOutcome(Guid PaymentId, string Outcome, string? Status, long? Version, string? Code, string? Detail)
{
    public const string Accepted = "accepted";
    public const string Refused = "refused";

    public static BulkOutcome Done(Guid paymentId, PaymentStatus status, long version) => new(paymentId, Accepted, status.ToWire(), version, null, null);

    public static BulkOutcome Refusal(Guid paymentId, ProblemException problem) => new(paymentId, Refused, null, null, problem.Code, problem.Detail);
}

/// <summary>The answer to a bulk request: one outcome per payment, in the order of the request.</summary>
public sealed record BulkResult(int Accepted, int Refused, IReadOnlyList<BulkOutcome> Results)
{
    public static BulkResult Of(IReadOnlyList<BulkOutcome> results) =>
        new(results.Count(r => r.Outcome == BulkOutcome.Accepted), results.Count(r => r.Outcome == BulkOutcome.Refused), results);
}

/// <summary>
/// What the bulk endpoints share: a finance officer works from a queue and acts on many payments at once, each named with
/// the version they read (their If-Match). The request is checked as a whole (at most <see cref="MaxItems"/> distinct
/// payments, each with its version); then every payment is checked on its own, by the same rules as the single-payment
/// endpoints, and is accepted or refused with the stable code of its problem. The accepted ones are written in one
/// transaction; a payment changed by someone else between the read and the commit makes the whole request 412, with
/// nothing written.
/// </summary>
public static class BulkPayments
{
    public const int MaxItems = 500;

    /// <summary>The request as a whole: 400 with the field errors when it is not valid.</summary>
    public static void Validate<T>(IReadOnlyList<T>? items, Func<T, Guid?> paymentId, Func<T, long?> version, Action<ValidationErrors, T, int>? more = null)
    {
        var errors = new ValidationErrors();
        if (items is null || items.Count == 0) errors.Add("items", "required", "'items' must name at least one payment.");
        else if (items.Count > MaxItems) errors.Add("items", "items.too-many", $"At most {MaxItems} payments in one request.");
        else
        {
            var seen = new HashSet<Guid>();
            for (var i = 0; i < items.Count; i++)
            {
                if (paymentId(items[i]) is not { } id) errors.Add($"items[{i}].paymentId", "required", $"'items[{i}].paymentId' is required.");
                else if (!seen.Add(id)) errors.Add($"items[{i}].paymentId", "items.duplicate", $"Payment {id} is named twice.");
                if (version(items[i]) is not (>= 0)) errors.Add($"items[{i}].version", "required", $"'items[{i}].version' is required: the version you read.");
                more?.Invoke(errors, items[i], i);
            }
        }

        if (!errors.IsEmpty) throw new ValidationProblemException(errors);
    }

    /// <summary>The payments' streams for writing, read in one round trip.</summary>
    public static async Task<IReadOnlyDictionary<Guid, IEventStream<Payment>>> Fetch(IDocumentSession session, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var streams = new StreamsForWriting(session);
        await streams.Prefetch<Payment>(ids, cancellationToken);
        var fetched = new Dictionary<Guid, IEventStream<Payment>>();
        foreach (var id in ids) fetched[id] = await streams.Of<Payment>(id, cancellationToken);
        return fetched;
    }

    /// <summary>The payment as the caller may change it: visible in their oblast and still at the version they read.</summary>
    public static Payment Expect(IEventStream<Payment> stream, long version, ClaimsPrincipal user)
    {
        if (stream.Aggregate is not { } payment || !payment.Visible(user))
            throw ProblemException.NotFound(PaymentAccess.NotFound, $"No payment {stream.Id} in your oblast.");
        if (payment.Version != version)
            throw ProblemException.PreconditionFailed($"The payment is at version {payment.Version}; you read version {version}. Read it again.");
        return payment;
    }

    /// <summary>Runs one payment's check; its refusal becomes its outcome instead of failing the request.</summary>
    public static BulkOutcome? Refused(Guid paymentId, Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (ProblemException problem)
        {
            return BulkOutcome.Refusal(paymentId, problem);
        }
    }

    /// <summary>Like <see cref="Refused"/> for a check that reads or locks on the way.</summary>
    public static async Task<BulkOutcome?> RefusedAsync(Guid paymentId, Func<Task> check)
    {
        try
        {
            await check();
            return null;
        }
        catch (ProblemException problem)
        {
            return BulkOutcome.Refusal(paymentId, problem);
        }
    }

    /// <summary>Appends each accepted payment's event, in payment-id order (so concurrent requests take row locks alike), and commits.</summary>
    public static async Task Commit(
        IDocumentSession session, IReadOnlyDictionary<Guid, IEventStream<Payment>> streams, IReadOnlyDictionary<Guid, object> accepted, CancellationToken cancellationToken)
    {
        foreach (var (id, change) in accepted.OrderBy(a => a.Key)) streams[id].AppendOne(change);
        await session.SaveChangesAsync(cancellationToken);
    }
}
