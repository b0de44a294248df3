using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// A case with its task, notes, documents and payments; and its timeline: who did what and when, from its events, with
/// the payment service's reports (kept beside the case, see <see cref="CasePayments"/>) merged in by their time.
/// </summary>
public static class GettingCase
{
    /// <summary>Who reported what the payment service tells, on the timeline.</summary>
    public const string PaymentService = "subsidy-payment";

    /// <summary>One line of the timeline; <paramref name="Version"/> is the case version the event made, null for a report that changed none.</summary>
    public sealed record TimelineEntry(long? Version, string What, DateTimeOffset At, string? By, object Details);

    public static async Task<Ok<CaseResponse>> Handle(Guid id, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CaseSlices.Respond(session, await CaseSlices.Load(session, id, user, response, cancellationToken), user, clock.Today(), cancellationToken));

    public static async Task<Ok<IReadOnlyList<TimelineEntry>>> Timeline(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        await CaseSlices.Load(session, id, user, response, cancellationToken);
        var confidential = user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.CaseSupervisor) || user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Admin);
        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        var payments = await session.LoadAsync<CasePayments>(id, cancellationToken);
        var reports = (payments?.Reports ?? []).Select(r => new TimelineEntry(null, r.What, r.At, PaymentService, r));
        return TypedResults.Ok<IReadOnlyList<TimelineEntry>>(events
            .Where(e => confidential || e.Data is not NoteAdded { Confidential: true })
            .Select(e => new TimelineEntry(e.Version, WhatHappened(e.Data), e.Timestamp, e.UserName, e.Data))
            .Concat(reports)
            .OrderBy(e => e.At) // stable: the case's own events keep their order
            .ToList());
    }

    /// <summary>"CaseOpened" → "case-opened": the event's name as a stable, readable label.</summary>
    private static string WhatHappened(object data) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(data.GetType().Name);
}
