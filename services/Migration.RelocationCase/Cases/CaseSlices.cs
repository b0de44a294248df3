using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Cases;

/// <summary>What every step of a case shares: reading it within the caller's oblast, and changing it at the version read.</summary>
public static class CaseSlices
{
    public const string NotFound = "case.not-found";

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A case of another oblast is answered as unknown: its existence is not the caller's business.</summary>
    public static CaseFile Visible(this CaseFile? c, ClaimsPrincipal user, Guid id) =>
        c is not null && user.CoversOblast(c.Oblast) ? c : throw ProblemException.NotFound(NotFound, $"No case {id} in your oblast.");

    public static async Task<CaseFile> Load(IQuerySession session, Guid id, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var c = (await session.LoadAsync<CaseFile>(id, cancellationToken)).Visible(user, id);
        response.SetETag(c.Version);
        return c;
    }

    /// <summary>The case as the API shows it, with its payments (kept beside it, see <see cref="CasePayments"/>).</summary>
    public static async Task<CaseResponse> Respond(IQuerySession session, CaseFile c, ClaimsPrincipal user, DateOnly today, CancellationToken cancellationToken) =>
        CaseResponse.From(c, await session.LoadAsync<CasePayments>(c.Id, cancellationToken), user, today);

    /// <summary>Fetches the case at the version in <c>If-Match</c>, decides, appends, commits, and answers with the new state.</summary>
    public static Task<Ok<CaseResponse>> Change(
        Guid id, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        Func<CaseFile, Task<object>> decide, CancellationToken cancellationToken) =>
        ChangeMany(id, http, user, session, clock, async c => [await decide(c)], cancellationToken);

    /// <summary>As <see cref="Change"/>, for a step that may bring more than one event (the move that also closes the case).</summary>
    public static async Task<Ok<CaseResponse>> ChangeMany(
        Guid id, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        Func<CaseFile, Task<IReadOnlyList<object>>> decide, CancellationToken cancellationToken)
    {
        var expected = http.RequiredVersion();
        var stream = await session.Events.FetchForWriting<CaseFile>(id, expected, cancellationToken);
        var c = stream.Aggregate.Visible(user, id);
        stream.AppendMany(await decide(c));
        await session.SaveChangesAsync(cancellationToken);
        var changed = await Load(session, id, user, http.HttpContext.Response, cancellationToken);
        return TypedResults.Ok(await Respond(session, changed, user, clock.Today(), cancellationToken));
    }

    public static string RequireReason(string? reason, string field = "reason")
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < 5)
            throw new ValidationProblemException(new ValidationErrors().Add(field, "reason.required", $"'{field}' must say why, in at least 5 characters."));
        return reason.Trim();
    }
}
