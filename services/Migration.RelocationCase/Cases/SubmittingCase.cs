using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Migration.RelocationCase.Cases;

/// <summary>The caseworker submits the case for a supervisor's approval.</summary>
public static class SubmittingCase
{
    public static Task<Ok<CaseResponse>> Handle(
        Guid id, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, IOptions<ServiceLevelTargets> targets,
        CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, c => Task.FromResult<object>(CaseDecisions.Submit(c, clock.Today(), targets.Value)), cancellationToken);
}
