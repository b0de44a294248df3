using System.Diagnostics;
using Marten;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Correlation;

namespace Migration.ServiceDefaults.EventStore;

/// <summary>
/// Opens Marten sessions that stamp every appended event with the request's correlation id, the caller
/// and the W3C trace context, so the event log answers "who did this, when, and as part of what".
/// </summary>
internal sealed class CorrelatedSessionFactory(IDocumentStore store, IHttpContextAccessor httpContext) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession();

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession();
        var context = httpContext.HttpContext;
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
