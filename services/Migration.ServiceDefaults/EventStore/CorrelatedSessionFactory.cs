using System.Diagnostics;
using Marten;
using Marten.Services;
using Migration.ServiceDefaults.Idempotency;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Correlation;

namespace Migration.ServiceDefaults.EventStore;

/// <summary>
/// Opens Marten sessions that stamp every appended event with the request's correlation id, the caller
/// and the W3C trace context, so the event log answers "who did this, when, and as part of what". A request carrying an
/// idempotency key gets a session in the request's own transaction (<see cref="IdempotentTransaction"/>).
/// </summary>
internal sealed class CorrelatedSessionFactory(IDocumentStore store, IHttpContextAccessor httpContext) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession()
    {
        var context = httpContext.HttpContext;
        // A request with an idempotency key writes in the transaction its stored answer commits in.
        var session = context?.Features.Get<IdempotentTransaction>() is { } idempotent
            ? store.LightweightSession(SessionOptions.ForTransaction(idempotent.Transaction))
            : store.LightweightSession();
        if (context is not null)
        {
            session.CorrelationId = context.CorrelationId();
            session.LastModifiedBy = context.User.CallerId();
        }

        EventMetadata.StampTraceContext(session);
        return session;
    }
}

/// <summary>Names of the headers the program writes on events, and how they are written.</summary>
public static class EventMetadata
{
    public const string TraceParent = "traceparent";

    public static void StampTraceContext(IDocumentSession session)
    {
        if (Activity.Current is { } activity) session.SetHeader(TraceParent, activity.Id!);
    }
}
