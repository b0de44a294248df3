using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Migration.RelocationCase.Cases;

/// <summary>The case closes once the move is confirmed; the household's claims on open cases end with it.</summary>
public static class ClosingCase
{
    public static Task<Ok<CaseResponse>> Handle(
        Guid id, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, c =>
        {
            var closed = CaseDecisions.Close(c);
            CaseClaims.Release(session, c);
            return Task.FromResult<object>(closed);
        }, cancellationToken);
}
