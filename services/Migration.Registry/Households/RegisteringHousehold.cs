using System.Security.Claims;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.Registry.Settlements;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Households;

/// <summary>
/// A registry clerk registers a household living in a certified settlement, with its head and members. No person may be
/// in two households: the second registration answers 409 naming the household the person is already in.
/// </summary>
public static class RegisteringHousehold
{
    public sealed record Request(string? SettlementKato, IReadOnlyList<PersonRequest>? Members, ContactRequest? Contact);

    public const string PersonInAnotherHousehold = "person.in-another-household";
    public const string SettlementNotCertified = "settlement.not-certified";
    public const int MaxMembers = 40;

    public static async Task<Results<Created<HouseholdResponse>, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var kato = ValidateKato(request.SettlementKato, errors);
        var members = ValidateMembers(request.Members, errors);
        var contact = MemberValidation.Validate(request.Contact, errors);
        if (!errors.IsEmpty) return errors.ToProblem();

        var settlement = await session.LoadAsync<Settlement>(kato!.Value.Value, cancellationToken);
        if (settlement is null)
            return errors.Add("settlementKato", SettlementNotCertified, $"Settlement {kato} is not certified; certify it before registering its households.").ToProblem();
        user.EnsureCovers(settlement.Oblast);

        var registered = new HouseholdRegistered(Guid.CreateVersion7(clock.GetUtcNow()), settlement.Id, settlement.Oblast, members, contact);
        await Register(session, registered, cancellationToken);

        var household = new Household(registered.HouseholdId.ToString(), settlement.Id, settlement.Oblast, members, contact, clock.GetUtcNow()) { Version = 1 };
        response.SetETag(1);
        return TypedResults.Created($"/api/registry/households/{registered.HouseholdId}", HouseholdResponse.From(household, user));
    }

    /// <summary>
    /// Appends the registration and claims every member's IIN in one transaction. A friendly check comes first; the
    /// primary key on the IIN settles the races the check cannot see.
    /// </summary>
    public static async Task Register(IDocumentSession session, HouseholdRegistered registered, CancellationToken cancellationToken)
    {
        var iins = registered.Members.Select(m => m.Iin).ToArray();
        await EnsureFree(session, iins, cancellationToken);
        session.Events.StartStream<Household>(registered.HouseholdId.ToString(), registered);
        foreach (var iin in iins) session.Insert(new PersonMembership(iin, registered.HouseholdId));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            await using var fresh = session.DocumentStore.QuerySession();
            await EnsureFree(fresh, iins, cancellationToken);
            throw;
        }
    }

    public static async Task EnsureFree(IQuerySession session, IReadOnlyCollection<string> iins, CancellationToken cancellationToken)
    {
        var taken = await session.LoadManyAsync<PersonMembership>(cancellationToken, iins);
        if (taken.Count == 0) return;
        var households = taken.Select(m => m.HouseholdId).Distinct().ToList();
        throw new ProblemException(StatusCodes.Status409Conflict, PersonInAnotherHousehold, "Already in a household",
            $"{taken.Count} of these people {(taken.Count == 1 ? "is" : "are")} already registered in household {string.Join(", ", households)}.")
        {
            Extensions = { ["households"] = households, ["iins"] = taken.Select(m => Iin.Parse(m.Id).Masked).ToList() },
        };
    }

    private static KatoCode? ValidateKato(string? value, ValidationErrors errors)
    {
        if (KatoCode.TryParse(value, out var kato)) return kato;
        errors.Add("settlementKato", "kato.format", "'settlementKato' must be the 9-digit KATO code of a certified settlement.");
        return null;
    }

    private static List<Person> ValidateMembers(IReadOnlyList<PersonRequest>? requests, ValidationErrors errors)
    {
        if (requests is null || requests.Count == 0)
        {
            errors.Add("members", "required", "A household has at least its head.");
            return [];
        }

        if (requests.Count > MaxMembers) errors.Add("members", "too-many", $"A household has at most {MaxMembers} members.");
        var members = requests.Select((r, i) => MemberValidation.Validate(r, $"members[{i}]", errors)).OfType<Person>().ToList();
        if (members.Count == requests.Count) ValidateMemberList(members, errors);
        return members;
    }

    /// <summary>The rules of a whole household's valid members, wherever they come from (the API, an import): exactly one head, no IIN twice.</summary>
    public static void ValidateMemberList(IReadOnlyList<Person> members, ValidationErrors errors)
    {
        var heads = members.Count(m => m.Relationship == Relationship.Head);
        if (heads != 1) errors.Add("members", "household.one-head", $"A household has exactly one head; this one has {heads}.");
        if (members.Select(m => m.Iin).Distinct().Count() != members.Count)
            errors.Add("members", "household.duplicate-iin", "The same IIN appears twice among the members.");
    }
}
