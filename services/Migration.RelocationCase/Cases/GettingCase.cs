using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;

namespace Migration.RelocationCase.Cases;

/// <summary>A case with its task, notes and documents; and its timeline: who did what and when, from its events.</summary>
public static class GettingCase
{
    public sealed record TimelineEntry(long Version, string What, DateTimeOffset At, string? By, object Details);

    public static async Task<Ok<CaseResponse>> Handle(Guid id, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken) =>
        TypedResults.Ok(CaseResponse.From(await CaseSlices.Load(session, id, user, response, cancellationToken), user, clock.Today()));

    public static async Task<Ok<IReadOnlyList<TimelineEntry>>> Timeline(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        await CaseSlices.Load(session, id, user, response, cancellationToken);
        var confidential = user.IsInRole(Roles.Caseworker) || user.IsInRole(Roles.CaseSupervisor) || user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Admin);
        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TimelineEntry>>(events
            .Where(e => confidential || e.Data is not NoteAdded { Confidential: true })
            .Select(e => new TimelineEntry(e.Version, WhatHappened(e.Data), e.Timestamp, e.UserName, e.Data))
            .ToList());
    }

    /// <summary>"CaseOpened" → "case-opened": the event's name as a stable, readable label.</summary>
    private static string WhatHappened(object data) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(data.GetType().Name);
}
