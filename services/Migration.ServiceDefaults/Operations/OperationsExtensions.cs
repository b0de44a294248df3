using Marten;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;

namespace Migration.ServiceDefaults.Operations;

/// <summary>
/// Operating a service while it runs: its projections rebuilt from their events, its event forwarder rewound to publish
/// again from a point, its error queues inspected and replayed, every action audited in its own database. Every service
/// maps the same endpoints under its own prefix (<c>/api/registry/operations/…</c>); admins only, auditors read the audit.
/// </summary>
public static class OperationsExtensions
{
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(Operation.Map);
        builder.Services.AddSingleton<ReceiveQueues>();
        builder.Services.AddSingleton<IConfigureReceiveEndpoint>(provider => provider.GetRequiredService<ReceiveQueues>());
        builder.Services.AddSingleton<ErrorQueues>();
        builder.Services.AddSingleton<ProjectionCatalog>();
        builder.Services.AddSingleton<OnlineRebuild>();
        builder.Services.AddSingleton<OperationsAudit>();
        builder.Services.AddSingleton<OperationSignal>();
        builder.Services.AddHostedService<OperationsWorker>();
        return builder;
    }

    public static RouteGroupBuilder MapOperations(this RouteGroupBuilder api)
    {
        var operations = api.MapGroup("/operations").WithTags("Operations");
        operations.MapGet("/projections", ListProjections).RequireRoles(Roles.Admin)
            .WithName("ListProjections").WithSummary("The service's projections and subscriptions, with their progress against the store's high-water mark");
        operations.MapPost("/projections/{name}/rebuild", RequestingOperations.Rebuild).RequireRoles(Roles.Admin)
            .WithName("RebuildProjection").WithSummary("Rebuilds a projection's documents from its events while the service runs (202, poll the operation)");
        operations.MapPost("/subscriptions/{name}/rewind", RequestingOperations.Rewind).RequireRoles(Roles.Admin)
            .WithName("RewindSubscription").WithSummary("Rewinds a subscription (the event forwarder) to publish its events again from a sequence or a time (202)");
        operations.MapGet("/{id:guid}", RequestingOperations.Get).RequireRoles(Roles.Admin)
            .WithName("GetOperation").WithSummary("A rebuild or rewind: pending, running (with streams done), succeeded or failed, and what it did");
        operations.MapGet("/error-queues", HandlingErrorQueues.List).RequireRoles(Roles.Admin)
            .WithName("ListErrorQueues").WithSummary("The service's error queues with the number of messages waiting in each");
        operations.MapGet("/error-queues/{queue}/messages", HandlingErrorQueues.Peek).RequireRoles(Roles.Admin)
            .WithName("PeekErrorQueue").WithSummary("The first messages of an error queue with their fault, left in the queue (audited)");
        operations.MapPost("/error-queues/{queue}/replay", HandlingErrorQueues.Replay).RequireRoles(Roles.Admin)
            .WithName("ReplayErrorQueue").WithSummary("Moves messages (all, or those listed by id) back to the queue they failed in, to be consumed again");
        operations.MapGet("/audit", ListAudit).RequireRoles(Roles.Admin, Roles.Auditor)
            .WithName("ListOperationsAudit").WithSummary("Every operator action on the service, newest first, paged");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ProjectionState>>> ListProjections(
        ProjectionCatalog catalog, IQuerySession session, CancellationToken cancellationToken)
    {
        var active = await session.Query<ActiveOperation>().ToListAsync(cancellationToken);
        return TypedResults.Ok(await catalog.List(active.ToDictionary(a => a.Id, a => a.OperationId), cancellationToken));
    }

    private static async Task<Ok<Page<AuditEntry>>> ListAudit(int? limit, string? continuationToken, OperationsAudit audit, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var entries = await audit.Page(Paging.After(continuationToken), take + 1, cancellationToken);
        return TypedResults.Ok(Paging.ToPage(entries, take, e => e.Id, e => e));
    }
}
