using System.Security.Claims;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Cases;

/// <summary>
/// Cases by status over time, for the programme dashboard: how many cases stood in each status at the end of each day
/// (UTC) of a period of at most a year, in the caller's oblast. Read from the cases' own events, the only record of
/// when each status began; a case counts from the day it was opened.
/// </summary>
public static class CaseStatusByDay
{
    public const int MaxDays = 366;
    private const int DefaultDays = 30;

    public sealed record StatusCount(CaseStatus Status, int Cases);

    public sealed record Day(DateOnly Date, IReadOnlyList<StatusCount> ByStatus);

    public sealed record History(DateOnly From, DateOnly To, IReadOnlyList<Day> Days);

    /// <summary>A change of a case's status, as its events record it.</summary>
    public sealed record Change(Guid CaseId, DateTimeOffset At, CaseStatus Status, string? Oblast);

    private static readonly Type[] StatusEvents =
    [
        typeof(CaseOpened), typeof(EligibilityAssessed), typeof(DestinationChosen), typeof(CaseSubmitted), typeof(CaseApproved), typeof(CaseRejected),
        typeof(CaseWithdrawn), typeof(CaseCancelled), typeof(CaseClosedIneligible), typeof(MoveConfirmed), typeof(CaseClosed),
    ];

    public static async Task<Ok<History>> Handle(
        DateOnly? from, DateOnly? to, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var last = to ?? clock.Today();
        var first = from ?? last.AddDays(1 - DefaultDays);
        var errors = new ValidationErrors();
        if (first > last) errors.Add("from", "period.inverted", "'from' must not be after 'to'.");
        else if (last.DayNumber - first.DayNumber + 1 > MaxDays) errors.Add("to", "period.too-long", $"The period is at most {MaxDays} days.");
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);

        var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(StatusEvents) && e.Timestamp < end)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var scope = user.FindFirst(ClaimNames.Oblast)?.Value;
        return TypedResults.Ok(Count(events.Select(ChangeOf).OfType<Change>(), first, last, scope is null || scope == Oblasts.All ? null : scope));
    }

    /// <summary>The status a case is in after the event, or null for an event that changes none.</summary>
    public static Change? ChangeOf(IEvent e) => e.Data switch
    {
        CaseOpened o => new(e.StreamId, e.Timestamp, CaseStatus.Opened, o.Oblast),
        EligibilityAssessed a => new(e.StreamId, e.Timestamp, a.Eligible ? CaseStatus.Eligible : CaseStatus.Ineligible, null),
        DestinationChosen => new(e.StreamId, e.Timestamp, CaseStatus.DestinationChosen, null),
        CaseSubmitted => new(e.StreamId, e.Timestamp, CaseStatus.Submitted, null),
        CaseApproved => new(e.StreamId, e.Timestamp, CaseStatus.Approved, null),
        CaseRejected => new(e.StreamId, e.Timestamp, CaseStatus.Rejected, null),
        CaseWithdrawn => new(e.StreamId, e.Timestamp, CaseStatus.Withdrawn, null),
        CaseCancelled => new(e.StreamId, e.Timestamp, CaseStatus.Cancelled, null),
        CaseClosedIneligible or CaseClosed => new(e.StreamId, e.Timestamp, CaseStatus.Closed, null),
        MoveConfirmed => new(e.StreamId, e.Timestamp, CaseStatus.Moved, null),
        _ => null,
    };

    /// <summary>
    /// Folds the changes, in the order they happened, into the number of cases per status at the end of each day from
    /// <paramref name="first"/> to <paramref name="last"/>; only cases opened in <paramref name="oblast"/> when one is given.
    /// </summary>
    public static History Count(IEnumerable<Change> changes, DateOnly first, DateOnly last, string? oblast)
    {
        var statusOf = new Dictionary<Guid, CaseStatus>();
        var counts = Enum.GetValues<CaseStatus>().ToDictionary(s => s, _ => 0);
        var outside = new HashSet<Guid>();
        var days = new List<Day>();
        var day = first;
        void CloseDaysBefore(DateOnly date)
        {
            for (; day < date && day <= last; day = day.AddDays(1))
                days.Add(new Day(day, [.. counts.Where(c => c.Value > 0).Select(c => new StatusCount(c.Key, c.Value))]));
        }

        foreach (var change in changes)
        {
            CloseDaysBefore(DateOnly.FromDateTime(change.At.UtcDateTime));
            if (change.Oblast is not null && oblast is not null && change.Oblast != oblast) outside.Add(change.CaseId);
            if (outside.Contains(change.CaseId)) continue;
            if (statusOf.TryGetValue(change.CaseId, out var before)) counts[before]--;
            else if (change.Status != CaseStatus.Opened) continue;   // a case whose opening is not in the log is not counted
            statusOf[change.CaseId] = change.Status;
            counts[change.Status]++;
        }

        CloseDaysBefore(last.AddDays(1));
        return new History(first, last, days);
    }
}
