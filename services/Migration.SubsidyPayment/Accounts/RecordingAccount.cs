using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Identifiers;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;
using Migration.SubsidyPayment.Banking;

namespace Migration.SubsidyPayment.Accounts;

/// <summary>
/// Records the account a household is paid to; replacing it needs If-Match (without it, a second recording is 409). The IBAN must be a valid Kazakhstan IBAN
/// whose bank code is a known bank; payments already verified keep the account they were verified with.
/// </summary>
public static class RecordingAccount
{
    public const string NotFound = "account.not-found";
    public const string Exists = "account.exists";

    public sealed record Request(string? Iban, string? HolderName);

    public static async Task<Results<Created<HouseholdAccount>, Ok<HouseholdAccount>>> Handle(
        Guid householdId, Request request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        Bank? bank = null;
        var validation = Iban.Validate(request.Iban);
        if (!Iban.TryParse(request.Iban, out var iban))
            errors.Add("iban", "iban.invalid", $"'iban' is not a valid Kazakhstan IBAN ({validation}).");
        else if (!KazakhBanks.TryFind(iban.Value.BankCode, out var found))
            errors.Add("iban", "iban.unknown-bank", $"The IBAN's bank code {iban.Value.BankCode} is not a bank the program pays through.");
        else bank = found;
        var holder = Amounts.Text(errors, "holderName", request.HolderName, 140);
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);

        var recorded = new AccountRecorded(householdId, iban!.Value.Value, iban.Value.BankCode, bank!.Bic, bank.Name, holder, user.CallerId());
        var expected = http.ExpectedVersion();
        if (expected is null && await session.LoadAsync<HouseholdAccount>(householdId, cancellationToken) is not null)
            throw ProblemException.Conflict(Exists, $"Household {householdId} already has an account; send If-Match with its version to replace it.");
        if (expected is null) session.Events.StartStream<HouseholdAccount>(householdId, recorded);
        else (await session.Events.FetchForWriting<HouseholdAccount>(householdId, expected.Value, cancellationToken)).AppendOne(recorded);
        await session.SaveChangesAsync(cancellationToken);
        var account = (await session.LoadAsync<HouseholdAccount>(householdId, cancellationToken))!;
        http.HttpContext.Response.SetETag(account.Version);
        return expected is null ? TypedResults.Created($"/api/payments/households/{householdId}/account", account) : TypedResults.Ok(account);
    }

    public static async Task<Ok<HouseholdAccount>> Get(Guid householdId, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellationToken)
    {
        var account = await session.LoadAsync<HouseholdAccount>(householdId, cancellationToken)
            ?? throw ProblemException.NotFound(NotFound, $"No account is recorded for household {householdId}.");
        response.SetETag(account.Version);
        return TypedResults.Ok(PersonalData.MaySee(user) ? account : account with { Iban = Iban.Parse(account.Iban).Masked, HolderName = PersonalData.Initial(account.HolderName) });
    }
}
