using System.Security.Claims;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Correlation;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Operations;

/// <summary>A rewind's starting point: exactly one of the first event sequence to publish again, or a time from which on.</summary>
public sealed record RewindRequest(long? FromSequence, DateTimeOffset? FromTimestamp);

/// <summary>
/// Rebuilding a projection and rewinding a subscription: the request is checked, stored as a pending operation with
/// its audit entry in one transaction, and answered 202 with the operation's address; the workers run it.
/// </summary>
public static class RequestingOperations
{
    public static async Task<Accepted<Operation>> Rebuild(
        string name, HttpContext http, ClaimsPrincipal user, ProjectionCatalog catalog, IDocumentStore store, OperationsAudit audit,
        OperationSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var projection = catalog.FindProjection(name);
        if (projection is null)
        {
            if (!catalog.IsProjection(name)) throw ProblemException.NotFound(OperationCodes.ProjectionNotFound, $"The service has no projection '{name}'.");
            throw Unsupported(name);
        }

        if (!OnlineRebuild.Supports(projection)) throw Unsupported(name);
        var now = clock.GetUtcNow();
        var operation = new Operation(Guid.CreateVersion7(now), OperationKind.Rebuild, catalog.ProjectionName(name)!, user.CallerId(), now,
            http.CorrelationId(), null);
        return await Request(operation, AuditActions.RebuildRequested, http, store, audit, signal, cancellationToken);
    }

    public static async Task<Accepted<Operation>> Rewind(
        string name, RewindRequest request, HttpContext http, ClaimsPrincipal user, ProjectionCatalog catalog, IDocumentStore store,
        OperationsAudit audit, OperationSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = catalog.FindSubscription(name)
            ?? throw ProblemException.NotFound(OperationCodes.SubscriptionNotFound, $"The service has no subscription '{name}'.");
        if (request.FromSequence is null == request.FromTimestamp is null)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, OperationCodes.RewindPointRequired, "Say where to rewind to",
                "Give exactly one of 'fromSequence' (the first event sequence to publish again) and 'fromTimestamp'.");
        }

        var from = request.FromSequence ?? await FirstSequenceAt(store, request.FromTimestamp!.Value, cancellationToken)
            ?? throw new ProblemException(StatusCodes.Status400BadRequest, OperationCodes.NothingToRepublish, "Nothing to publish again",
                $"No event was stored at or after {request.FromTimestamp:O}.");
        if (from < 1)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The request is not valid",
                "'fromSequence' starts at 1.");
        }

        var position = await catalog.Position(subscription, cancellationToken);
        if (from > position + 1)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, OperationCodes.RewindForward, "A rewind only goes back",
                $"{subscription} has processed events up to sequence {position}; starting at {from} would skip the events in between.");
        }

        var now = clock.GetUtcNow();
        var operation = new Operation(Guid.CreateVersion7(now), OperationKind.Rewind, subscription, user.CallerId(), now, http.CorrelationId(), from);
        return await Request(operation, AuditActions.RewindRequested, http, store, audit, signal, cancellationToken);
    }

    public static async Task<Ok<Operation>> Get(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok(await session.LoadAsync<Operation>(id, cancellationToken)
            ?? throw ProblemException.NotFound(OperationCodes.OperationNotFound, $"No operation {id}."));

    private static async Task<Accepted<Operation>> Request(
        Operation operation, string action, HttpContext http, IDocumentStore store, OperationsAudit audit, OperationSignal signal,
        CancellationToken cancellationToken)
    {
        var detail = operation.FromSequence is { } from ? $"from sequence {from}" : null;
        try
        {
            await using var session = store.LightweightSession();
            session.Insert(operation);
            session.Insert(new ActiveOperation(operation.ActiveKey, operation.Id));
            audit.Record(session, operation.RequestedBy, action, operation.Target, "accepted", detail, operation.Id, operation.CorrelationId);
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            ActiveOperation? running;
            await using (var query = store.QuerySession()) running = await query.LoadAsync<ActiveOperation>(operation.ActiveKey, cancellationToken);
            await audit.Write(operation.RequestedBy, action, operation.Target, "refused",
                $"operation {running?.OperationId} is under way", running?.OperationId, operation.CorrelationId, cancellationToken);
            throw new ProblemException(StatusCodes.Status409Conflict, OperationCodes.InProgress, "Already under way",
                $"A {operation.Kind.ToString().ToLowerInvariant()} of {operation.Target} is under way (operation {running?.OperationId}); wait for it to end.")
            {
                Extensions = { ["operationId"] = running?.OperationId },
            };
        }

        signal.Raise();
        return TypedResults.Accepted(OperationsRoot(http.Request.Path) + "/" + operation.Id, operation);
    }

    /// <summary>The path of the service's operations group (<c>/api/registry/operations</c>), from a request under it.</summary>
    private static string OperationsRoot(PathString path)
    {
        var value = path.Value ?? "";
        var at = value.IndexOf("/operations/", StringComparison.Ordinal);
        return at < 0 ? "/operations" : value[..(at + "/operations".Length)];
    }

    private static ProblemException Unsupported(string name) =>
        new(StatusCodes.Status422UnprocessableEntity, OperationCodes.RebuildUnsupported, "Cannot rebuild this projection while the service runs",
            $"'{name}' is not an inline projection of one document per stream, the kind this service rebuilds online.");

    private static async Task<long?> FirstSequenceAt(IDocumentStore store, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var first = await session.Events.QueryAllRawEvents().Where(e => e.Timestamp >= at).OrderBy(e => e.Sequence).Select(e => e.Sequence)
            .Take(1).ToListAsync(cancellationToken);
        return first.Count == 0 ? null : first[0];
    }
}
