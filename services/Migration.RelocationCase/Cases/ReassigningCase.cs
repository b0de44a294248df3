using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Migration.RelocationCase.Cases;

/// <summary>A supervisor reassigns the case to another caseworker, with a reason; the timeline keeps both.</summary>
public static class ReassigningCase
{
    public sealed record Request(string? Caseworker, string? Reason);

    public static Task<Ok<CaseResponse>> Handle(
        Guid id, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, c =>
        {
            if (string.IsNullOrWhiteSpace(request.Caseworker))
                throw new Migration.ServiceDefaults.Problems.ValidationProblemException(
                    new Migration.ServiceDefaults.Problems.ValidationErrors().Add("caseworker", "required", "'caseworker' is required."));
            return Task.FromResult<object>(CaseDecisions.Reassign(c, request.Caseworker.Trim(), CaseSlices.RequireReason(request.Reason)));
        }, cancellationToken);
}
