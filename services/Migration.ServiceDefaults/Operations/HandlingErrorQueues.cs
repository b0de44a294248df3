using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Correlation;
using Migration.ServiceDefaults.Problems;

namespace Migration.ServiceDefaults.Operations;

/// <summary>The messages to replay: the ids listed, or every message in the queue when none are.</summary>
public sealed record ReplayRequest(IReadOnlyList<Guid>? MessageIds);

/// <summary>Listing the service's error queues, looking at their messages and moving them back to be consumed again.</summary>
public static class HandlingErrorQueues
{
    public const int DefaultPeek = 20;

    public static async Task<Ok<IReadOnlyList<ErrorQueueState>>> List(ErrorQueues queues, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queues.List(cancellationToken));

    /// <summary>Message bodies hold personal data: who looked is audited.</summary>
    public static async Task<Ok<IReadOnlyList<ErrorQueueMessage>>> Peek(
        string queue, int? limit, HttpContext http, ClaimsPrincipal user, ErrorQueues queues, OperationsAudit audit, CancellationToken cancellationToken)
    {
        Known(queues, queue);
        var take = limit ?? DefaultPeek;
        if (take is < 1 or > ErrorQueues.MaxPeek)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed, "The request is not valid",
                $"'limit' must be between 1 and {ErrorQueues.MaxPeek}.");
        }

        var messages = await queues.Peek(queue, take, cancellationToken);
        await audit.Write(user.CallerId(), AuditActions.ErrorQueuePeeked, queue, "succeeded", $"{messages.Count} messages shown", null,
            http.CorrelationId(), cancellationToken);
        return TypedResults.Ok(messages);
    }

    public static async Task<Ok<ReplayOutcome>> Replay(
        string queue, [FromBody] ReplayRequest? request, HttpContext http, ClaimsPrincipal user, ErrorQueues queues, OperationsAudit audit,
        CancellationToken cancellationToken)
    {
        Known(queues, queue);
        var ids = request?.MessageIds is { Count: > 0 } chosen ? chosen.ToHashSet() : null;
        ReplayOutcome outcome;
        try
        {
            outcome = await queues.Replay(queue, ids, user.CallerId(), cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await audit.Write(user.CallerId(), AuditActions.ErrorQueueReplayed, queue, "failed", $"{failure.GetType().Name}: {failure.Message}", null,
                http.CorrelationId(), CancellationToken.None);
            throw;
        }

        var detail = $"{outcome.Moved} messages moved to {outcome.SourceQueue}"
            + (outcome.MessageIds.Count > 0 ? $": {string.Join(", ", outcome.MessageIds)}" : "")
            + (outcome.NotFound.Count > 0 ? $"; not in the queue: {string.Join(", ", outcome.NotFound)}" : "");
        await audit.Write(user.CallerId(), AuditActions.ErrorQueueReplayed, queue, "succeeded", detail, null, http.CorrelationId(), cancellationToken);
        return TypedResults.Ok(outcome);
    }

    private static void Known(ErrorQueues queues, string queue)
    {
        if (queues.SourceOf(queue) is null)
        {
            throw ProblemException.NotFound(OperationCodes.QueueNotFound,
                $"'{queue}' is not an error queue of this service; its error queues are {string.Join(", ", queues.ErrorQueueNames)}.");
        }
    }
}
