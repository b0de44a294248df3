using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Problems;

namespace Migration.RelocationCase.Cases;

/// <summary>Notes (confidential ones hidden from roles that may not read them) and records of the household's documents.</summary>
public static class CaseNotes
{
    public sealed record NoteRequest(string? Text, bool? Confidential);

    public sealed record DocumentRequest(string? Type, string? Number, DateOnly? IssuedOn);

    public static Task<Ok<CaseResponse>> AddNote(
        Guid id, NoteRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, c =>
        {
            var errors = new ValidationErrors();
            if (string.IsNullOrWhiteSpace(request.Text)) errors.Add("text", "required", "'text' is required.");
            else if (request.Text.Length > 4000) errors.Add("text", "too-long", "'text' must be at most 4000 characters.");
            if (!errors.IsEmpty) throw new ValidationProblemException(errors);
            return Task.FromResult<object>(new NoteAdded(c.Id, Guid.CreateVersion7(clock.GetUtcNow()), request.Text!.Trim(), request.Confidential ?? false));
        }, cancellationToken);

    public static Task<Ok<CaseResponse>> RecordDocument(
        Guid id, DocumentRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken) =>
        CaseSlices.Change(id, http, user, session, clock, c =>
        {
            var errors = new ValidationErrors().Require("type", request.Type).Require("number", request.Number);
            if (request.IssuedOn is null) errors.Add("issuedOn", "required", "'issuedOn' is required.");
            else if (request.IssuedOn > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) errors.Add("issuedOn", "in-future", "'issuedOn' cannot be in the future.");
            if (!errors.IsEmpty) throw new ValidationProblemException(errors);
            return Task.FromResult<object>(new DocumentRecorded(c.Id, Guid.CreateVersion7(clock.GetUtcNow()), request.Type!.Trim(), request.Number!.Trim(), request.IssuedOn!.Value));
        }, cancellationToken);
}
