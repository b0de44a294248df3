using System.Security.Claims;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Registry.Settlements;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Households;

/// <summary>
/// A registry clerk changes a household: a member joins or leaves, the head changes, the contact changes.
/// Each is its own command and event, and each needs the household's current version in <c>If-Match</c>.
/// </summary>
public static class ChangingHousehold
{
    public sealed record HeadRequest(string? Iin);

    public const string NotMember = "household.not-a-member";
    public const string HeadCannotLeave = "household.head-cannot-leave";
    public const string AlreadyHead = "household.already-head";

    public static Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> AddMember(
        Guid id, PersonRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken) =>
        Change(id, http, user, session, async household =>
        {
            var errors = new ValidationErrors();
            var person = MemberValidation.Validate(request, "member", errors);
            if (person is { Relationship: Relationship.Head })
                errors.Add("member.relationship", "household.one-head", "The household has its head; change the head separately.");
            if (!errors.IsEmpty) throw new ValidationProblemException(errors);
            await RegisteringHousehold.EnsureFree(session, [person!.Iin], cancellationToken);
            session.Insert(new PersonMembership(person.Iin, id));
            return new HouseholdMemberAdded(id, person, household.With(person));
        }, cancellationToken);

    public static Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> RemoveMember(
        Guid id, string iin, string? reason, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken) =>
        Change(id, http, user, session, household =>
        {
            var member = household.Members.FirstOrDefault(m => m.Iin == iin)
                ?? throw ProblemException.NotFound(NotMember, "That person is not a member of this household.");
            if (member.Relationship == Relationship.Head)
                throw ProblemException.Conflict(HeadCannotLeave, "The head cannot leave; make another member the head first.");
            session.Delete<PersonMembership>(iin);
            return Task.FromResult<object>(new HouseholdMemberRemoved(id, iin, string.IsNullOrWhiteSpace(reason) ? "left the household" : reason.Trim(), household.Without(iin)));
        }, cancellationToken);

    public static Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> ChangeHead(
        Guid id, HeadRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken) =>
        Change(id, http, user, session, household =>
        {
            if (request.Iin is null || !household.Has(request.Iin))
                throw ProblemException.NotFound(NotMember, "The new head must be a member of the household.");
            if (household.Head.Iin == request.Iin) throw ProblemException.Conflict(AlreadyHead, "That member is already the head.");
            return Task.FromResult<object>(new HouseholdHeadChanged(id, household.Head.Iin, request.Iin, household.WithHead(request.Iin)));
        }, cancellationToken);

    public static Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> ChangeContact(
        Guid id, ContactRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken) =>
        Change(id, http, user, session, _ =>
        {
            var errors = new ValidationErrors();
            var contact = MemberValidation.Validate(request, errors);
            return errors.IsEmpty ? Task.FromResult<object>(new HouseholdContactChanged(id, contact!)) : throw new ValidationProblemException(errors);
        }, cancellationToken);

    /// <summary>Fetches the household at the version the caller read, decides, appends, and answers with the new state.</summary>
    private static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> Change(
        Guid id, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, Func<Household, Task<object>> decide,
        CancellationToken cancellationToken)
    {
        var expected = http.RequiredVersion();
        var stream = await session.Events.FetchForWriting<Household>(id.ToString(), expected, cancellationToken);
        var household = stream.Aggregate ?? throw ProblemException.NotFound(GettingHousehold.NotFound, $"No household {id} is registered.");
        user.EnsureCovers(household.Oblast);
        stream.AppendOne(await decide(household));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            throw ProblemException.Conflict(RegisteringHousehold.PersonInAnotherHousehold, "That person was registered in another household at the same moment.");
        }

        return TypedResults.Ok(HouseholdResponse.From(await GettingHousehold.Load(session, id, http.HttpContext.Response, cancellationToken), user));
    }
}
